package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.MALWARE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.UNKNOWN;
import static io.qrelease.cli.QuarantinedMail.row;
import static io.qrelease.cli.QuarantinedMail.selection;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The summary a release prints and writes as JSON, and re-running a release that completed. */
class ReleaseSummaryFunctionalTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path folder;
  Workbench bench;
  Path selection;
  Path summary;

  @BeforeEach
  void selectionWithEveryKindOfOutcome() {
    bench = QuarantinedMail.imported(folder);
    selection = selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"), row(NEWSLETTER, ""),
        row(MALWARE, "erin@contoso.com"), row(UNKNOWN, "alice@contoso.com"), row("not-a-guid", "alice@contoso.com"));
    summary = folder.resolve("out/summary.json");
  }

  @Test
  void summaryJsonCountsEveryResultAndReasonAsTheAuditTableHoldsThem() throws IOException {
    // when
    CommandRun run = release();

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    JsonNode json = JSON.readTree(Files.readString(summary));
    Map<String, Object> action = bench.query("SELECT action_id, job_execution_id, status, exit_code FROM email_action").get(0);
    assertThat(json.get("actionId").asString()).isEqualTo(action.get("action_id"));
    assertThat(json.get("executionId").asLong()).isEqualTo(action.get("job_execution_id"))
        .isEqualTo(bench.count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION"));
    assertThat(json.get("status").asString()).isEqualTo("Completed").isEqualTo(action.get("status"));
    assertThat(json.get("exitCode").asInt()).isEqualTo(3);
    assertThat(json.get("total").asLong()).isEqualTo(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(6);
    assertThat(json.get("durationMs").asLong()).isNotNegative();
    for (Result result : Result.values()) {
      assertThat(json.get("results").get(result.name()).asLong()).as(result.name())
          .isEqualTo(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = ?", result.name()));
    }
    for (Reason reason : Reason.values()) {
      assertThat(json.get("reasons").get(reason.name()).asLong()).as(reason.name())
          .isEqualTo(bench.count("SELECT COUNT(*) FROM action_audit WHERE reason = ?", reason.name()));
    }
    assertThat(json.get("results").get("Success").asLong()).isEqualTo(3);
    assertThat(json.get("reasons").get("InvalidRow").asLong()).isEqualTo(1);
  }

  @Test
  void reRunningACompletedReleasePrintsItsSummaryAndChangesNothing() throws IOException {
    // given
    CommandRun first = release();
    Map<String, List<Map<String, Object>>> afterFirst = bench.snapshot();
    String firstSummary = Files.readString(summary);
    Files.delete(summary);

    // when
    CommandRun again = release();

    // then
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(first.exitCode()).isEqualTo(3);
    assertThat(again.out()).contains("completed earlier");
    assertThat(bench.snapshot()).isEqualTo(afterFirst);
    JsonNode rewritten = JSON.readTree(Files.readString(summary));
    JsonNode original = JSON.readTree(firstSummary);
    for (String field : List.of("actionId", "executionId", "status", "exitCode", "total", "results", "reasons")) {
      assertThat(rewritten.get(field)).as(field).isEqualTo(original.get(field));
    }
  }

  @Test
  void aChangedFileAtTheSamePathIsANewAction() {
    // given
    release();
    String firstAction = actionIds().get(0);
    selection(bench, "selection.csv", row(NEWSLETTER, "bob@contoso.com"));

    // when
    CommandRun changed = release();

    // then
    assertThat(changed.exitCode()).as(changed.toString()).isZero();
    assertThat(changed.out()).doesNotContain("completed earlier");
    assertThat(actionIds()).hasSize(2).contains(firstAction);
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE action_id <> ?", firstAction)).isEqualTo(1);
  }

  private CommandRun release() {
    return bench.run("release", selection.toString(), "--operator", ANALYST, "--summary-json", summary.toString());
  }

  private List<String> actionIds() {
    return bench.query("SELECT action_id FROM email_action ORDER BY created_at").stream()
        .map(action -> (String) action.get("action_id")).toList();
  }
}
