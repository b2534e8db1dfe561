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
    assertThat(run.err()).contains("--max-rows takes a positive number of rows, not 0.");
  }
}
