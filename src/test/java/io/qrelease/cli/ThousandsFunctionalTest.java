package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign of thousands on an 80-column terminal: every count that text shows is grouped in
 * thousands, as the progress line's are, and JSON keeps plain numbers.
 */
class ThousandsFunctionalTest {

  static final String ANALYST = "analyst@contoso.com";

  @TempDir
  Path folder;
  Workbench bench;
  Campaign campaign;

  @BeforeEach
  void aCampaignOfTwoAndAHalfThousandCopies() {
    campaign = Campaign.write(folder.resolve("campaign"), 2_500);
    bench = new Workbench(folder.resolve("store"));
  }

  @Test
  void theImportAndTheReleaseSummariesGroupTheirCounts() {
    // when
    CommandRun imported = Screen.at(Screen.NARROW, () -> bench.run("import", campaign.quarantineExport().toString()));
    CommandRun released = Screen.at(Screen.NARROW, () -> bench.run("release", campaign.huntingExport().toString(),
        "--operator", ANALYST, "--summary-json", folder.resolve("summary.json").toString()));

    // then
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains(
        "  rows       2,500 read, 2,500 imported, 0 rejected\n",
        "  copies     2,500 loaded into the store\n");
    assertThat(released.exitCode()).as(released.toString()).isZero();
    assertThat(released.out()).contains("""
          entities   2,500   Success 1,731   AlreadyInDestination 0   Skipped 769
                     Failed 0
          skipped    NotFound 25, Expired 50, AdminOnly 694
          rows       2,500 read = 2,500 audited + 0 collapsed as duplicates
        """);
    assertThat(released.out()).containsPattern("  elapsed    \\d+\\.\\d s \\((\\d{1,3},)?\\d{1,3} rows/s\\)\n");
    Screen.assertFits(released, Screen.NARROW);
    JsonNode summary = JsonMapper.builder().build().readTree(folder.resolve("summary.json").toFile());
    assertThat(summary.get("total").isNumber()).isTrue();
    assertThat(summary.get("total").asLong()).isEqualTo(2_500);
  }

  @Test
  void theListingsGroupTheirCountsAndTheirJsonKeepsPlainNumbers() {
    // given
    assertThat(bench.run("import", campaign.quarantineExport().toString()).exitCode()).isZero();
    assertThat(bench.run("release", campaign.huntingExport().toString(), "--operator", ANALYST).exitCode()).isZero();
    String action = QuarantinedMail.latestAction(bench);

    // when
    CommandRun actions = Screen.at(Screen.NARROW, () -> bench.run("actions"));
    CommandRun show = Screen.at(Screen.NARROW, () -> bench.run("actions", "show", action, "--reason", "NotFound"));
    CommandRun executions = Screen.at(Screen.NARROW, () -> bench.run("executions"));
    CommandRun quarantine = Screen.at(Screen.NARROW, () -> bench.run("quarantine", "--limit", "1"));
    CommandRun json = bench.run("actions", "--json");

    // then
    assertThat(actions.out().lines())
        .anySatisfy(line -> assertThat(line).endsWith("      1,731          0        769          0"));
    assertThat(show.out()).contains(
        "  rows        2,500 read = 2,500 audited + 0 collapsed as duplicates\n",
        "Success                    1,731\n",
        "AdminOnly                    694\n")
        .endsWith("\n25 of 2,500 entities\n");
    assertThat(executions.out().lines())
        .anySatisfy(line -> assertThat(line).matches(" +\\d+  import   COMPLETED      2,500      2,500"));
    assertThat(quarantine.out()).endsWith("\n2,499 more; use --limit or a filter.\n");
    for (CommandRun run : new CommandRun[] {actions, show, executions, quarantine}) {
      assertThat(run.exitCode()).as(run.toString()).isZero();
      Screen.assertFits(run, Screen.NARROW);
    }
    JsonNode results = JsonMapper.builder().build().readTree(json.out()).get(0).get("results");
    assertThat(results.get("Success").isNumber()).isTrue();
    assertThat(results.get("Success").asLong()).isEqualTo(1_731);
  }
}
