package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** release --max-rows refuses a larger selection before anything changes, counting rows as the job reads them. */
class MaxRowsFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;
  Path export;

  @BeforeEach
  void huntingExportWhoseSubjectsSpanLines() {
    bench = QuarantinedMail.imported(folder);
    export = bench.write("hunting.csv", """
        NetworkMessageId,RecipientEmailAddress,Subject
        %s,alice@contoso.com,"Invoice
        for November"
        %s,bob@contoso.com,"Newsletter,
        winter
        edition"
        """.formatted(INVOICE, NEWSLETTER));
  }

  @Test
  void aSelectionLargerThanMaxRowsIsRefusedWithItsCountAndNothingChanges() {
    // given
    Map<String, List<Map<String, Object>>> before = bench.snapshot();

    // when
    CommandRun run = bench.run("release", export.toString(), "--operator", ANALYST, "--max-rows", "1");

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).containsExactly(export + " has 2 rows, more than the cap of 1 (--max-rows);"
        + " nothing was changed: narrow or split the selection, or raise --max-rows if that many are meant.");
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  @Test
  void rowsAreCountedAsRecordsSoQuotedNewlinesDoNotCountAgainstTheCap() {
    // when: six lines, two rows
    CommandRun run = bench.run("release", export.toString(), "--operator", ANALYST, "--max-rows", "2");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isEqualTo(2);
  }

  @Test
  void aCapBelowOneIsRefused() {
    CommandRun run = bench.run("release", export.toString(), "--operator", ANALYST, "--max-rows", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--max-rows: '0' is not a positive number of rows such as 50000, 50_000, 50,000,"
        + " 50k or 1m; correct the value.");
  }

  @Test
  void maxRowsTakesThousandsWrittenWithASuffix() {
    // when
    CommandRun run = bench.run("release", export.toString(), "--operator", ANALYST, "--max-rows", "10k");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"10000|10,000", "10_000|10,000", "'10,000'|10,000", "10k|10,000",
      "10K|10,000", "1m|1,000,000", "2 M|2,000,000"})
  void aJobFilesMaxRowsTakesTheFormsTheOptionTakes(String written, String rows) {
    // given
    Path job = bench.write("jobs/capped.yml", "operator: analyst@contoso.com\nmaxRows: " + written
        + "\ninput: exports/*.csv\n");

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("at most " + rows + " rows.");
  }

  @Test
  void aMaxRowsThatIsNoneOfTheFormsIsRefusedNamingThemOnTheCommandLineAndInAJobFile() {
    // given
    Path job = bench.write("jobs/capped.yml", "operator: analyst@contoso.com\nmaxRows: 10 thousand\n"
        + "input: exports/*.csv\n");

    // when
    CommandRun release = bench.run("release", export.toString(), "--operator", ANALYST, "--max-rows", "10x");
    CommandRun validate = bench.run("validate", job.toString());

    // then
    Screen.assertRefused(release);
    assertThat(release.err()).isEqualTo("--max-rows: '10x' is not a positive number of rows such as 50000, 50_000,"
        + " 50,000, 50k or 1m; correct the value.\n");
    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
    assertThat(validate.err()).startsWith(job + ":2: maxRows: '10 thousand' is not a positive number of rows such as"
        + " 50000, 50_000, 50,000, 50k or 1m; correct the value.\n");
  }
}
