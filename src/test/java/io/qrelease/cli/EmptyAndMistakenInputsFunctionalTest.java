package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.UNKNOWN;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mistakes that used to look like success: an empty file, a store never filled, an unknown message, a wrong folder. */
class EmptyAndMistakenInputsFunctionalTest {

  @TempDir
  Path folder;

  @Test
  void aFileWithAHeaderAndNoRowsIsRefusedByReleaseAndByImport() {
    // given
    Workbench bench = QuarantinedMail.imported(folder);
    Path empty = bench.write("empty.csv", "NetworkMessageId,RecipientEmailAddress\n");
    Path emptyExport = bench.write("empty-export.csv", "Identity,RecipientAddress,QuarantineTypes\n");

    // when
    CommandRun release = bench.run("release", empty.toString(), "--operator", ANALYST);
    CommandRun imported = bench.run("import", emptyExport.toString());

    // then
    Screen.assertRefused(release, imported);
    assertThat(release.err()).contains("has a header but no rows, so there is nothing to release");
    assertThat(imported.err()).contains("has a header but no rows, so there is nothing to import");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_instance")).isEqualTo(1);
  }

  @Test
  void aReleaseAgainstAStoreThatKnowsNoneOfItsMessagesSaysToImportFirst() {
    // given: the quarantine export never imported
    Workbench bench = new Workbench(folder);
    Path selection = QuarantinedMail.selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"),
        row(UNKNOWN, "bob@contoso.com"));

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST);

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("NotFound 2")
        .contains("The store knows none of these messages: import the quarantine export or EmailEvents export"
            + " that holds them first, with ./run.sh import FILE --db");
  }

  @Test
  void aReleaseOfAnUnknownMessageIsRefusedBeforeAnActionIsRecorded() {
    // given
    Workbench bench = QuarantinedMail.imported(folder);

    // when
    CommandRun run = bench.run("release-message", UNKNOWN, "--operator", ANALYST);

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).contains("The store has no message " + UNKNOWN + "; import");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"actions", "executions", "quarantine", "actions show 1234", "actions export 1234 --out a.csv",
      "backup", "restart --last"})
  void aCommandThatOnlyReadsNeverCreatesADatabase(String command) throws IOException {
    // given: a folder with no database in it
    Path nowhere = folder.resolve("elsewhere");

    // when
    CommandRun run = CommandRun.of(Stream.concat(Stream.of(command.split(" ")),
        Stream.of("--db", "jdbc:hsqldb:file:" + nowhere.resolve("data/qrelease"))).toArray(String[]::new));

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).contains("There is no database at jdbc:hsqldb:file:" + nowhere.resolve("data/qrelease")
        + " yet; fill one with ./run.sh import FILE --db");
    assertThat(Files.exists(nowhere)).isFalse();
  }

  @Test
  void anInputJobPassesOverAFileWithoutRowsAndReleasesTheOthers() {
    // given
    Workbench bench = QuarantinedMail.imported(folder);
    bench.write("exports/hunting-1.csv", "NetworkMessageId,RecipientEmailAddress\n");
    QuarantinedMail.selection(bench, "exports/hunting-2.csv", row(INVOICE, "alice@contoso.com"));
    Path job = bench.write("jobs/hunting.yml", """
        operator: analyst@contoso.com
        input: %s
        """.formatted(bench.folder().resolve("exports/hunting-*.csv")));

    // when
    CommandRun run = bench.run("run", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("hunting-1.csv  no rows, nothing to release")
        .contains("1 released now, 0 released earlier, 1 without rows, 0 failed");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isEqualTo(1);
  }
}
