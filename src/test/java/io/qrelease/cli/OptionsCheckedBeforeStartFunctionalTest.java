package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option is checked before a job starts: a value the store could not record, or a database
 * URL qrelease cannot use, is refused in one sentence with exit 2, and nothing is recorded.
 */
class OptionsCheckedBeforeStartFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;
  Path selection;

  @BeforeEach
  void quarantine() {
    bench = QuarantinedMail.imported(folder.resolve("store"));
    selection = QuarantinedMail.selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"));
  }

  @Test
  void aNameLongerThanTheActionCenterKeepsIsRefusedAndNothingIsRecorded() {
    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST, "--name", "n".repeat(300));

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).contains("--name is 300 characters long and the Action center keeps 256");
    assertNothingRecorded();
  }

  @Test
  void aNameOnSeveralLinesIsRefused() {
    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST, "--name", "one\ntwo");

    Screen.assertRefused(run);
    assertThat(run.err()).contains("--name holds a line break");
    assertNothingRecorded();
  }

  @Test
  void releaseToAddressesTooLongToRecordAreRefused() {
    // given: 200 addresses, over 5,000 characters
    String addresses = IntStream.range(0, 200).mapToObj(i -> "recipient" + i + "@contoso.com")
        .collect(Collectors.joining(","));

    // when
    CommandRun run = bench.run("release-message", INVOICE, "--operator", ANALYST, "--release-to", addresses);

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).contains("--release-to names addresses of").contains("split them over several releases");
    assertNothingRecorded();
  }

  @ParameterizedTest(name = "--db {0}")
  @ValueSource(strings = {"data/qrelease", "/var/lib/qrelease/db", "jdbc:postgresql://db.example/qrelease",
      "jdbc:hsqldb:mem:qrelease", "jdbc:hsqldb:file:", "jdbc:sqlite:qrelease.db"})
  void aDatabaseUrlQreleaseCannotUseIsRefusedInOneSentenceSayingWhatToGive(String url) {
    // when
    CommandRun run = CommandRun.of("actions", "--db", url, "--tenant", bench.folder().resolve("tenant.yml").toString());

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).startsWith("--db '" + url + "'").contains("jdbc:hsqldb:file:");
  }

  @Test
  void aPathTypedAsTheDatabaseIsAnsweredWithTheUrlForIt() {
    CommandRun run = CommandRun.of("import", selection.toString(), "--db", "data/qrelease");

    Screen.assertRefused(run);
    assertThat(run.err()).contains("give jdbc:hsqldb:file:data/qrelease");
    assertThat(Files.exists(Path.of("data/qrelease.script.new"))).isFalse();
  }

  private void assertNothingRecorded() {
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'release'")).isZero();
  }
}
