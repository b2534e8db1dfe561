package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.latestAction;
import static io.qrelease.cli.QuarantinedMail.row;
import static io.qrelease.cli.QuarantinedMail.selection;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The job executions on the command line, and how to resume one that failed. */
class ExecutionsCommandFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;
  String[] release;

  @BeforeEach
  void storeWithQuarantinedMail() {
    bench = QuarantinedMail.imported(folder);
    release = new String[] {"release", selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"),
        row(NEWSLETTER, "bob@contoso.com"), row(NEWSLETTER, "carol@contoso.com")).toString(), "--operator", ANALYST};
  }

  @Test
  void executionsListsEveryRunNewestFirstWithItsRowsAndTheActionOfARelease() {
    // given
    CommandRun released = bench.run(release);
    assertThat(released.exitCode()).as(released.toString()).isZero();
    String action = latestAction(bench);

    // when
    CommandRun run = bench.run("executions");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2 + 2 + 1);
    assertThat(lines.get(0)).isEqualTo(
        "EXECUTION  JOB      STATUS          READ    WRITTEN  STARTED (UTC)        ENDED (UTC)");
    assertThat(lines.get(1)).isEqualTo("  ACTION");
    // A release reads rows and decides messages: two of its three rows name the same message.
    assertThat(lines.get(2)).matches(" +" + latestExecution("release") + "  release  COMPLETED +3 +2  "
        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(lines.get(3)).isEqualTo("  " + action);
    assertThat(lines.get(4)).matches(" +" + latestExecution("import") + "  import   COMPLETED +3 +3  .*");
    Screen.assertFits(run);
  }

  @Test
  void aFailedExecutionShowsTheCommandThatResumesItUntilAnotherExecutionHasResumedIt() {
    // given
    long failed = aReleaseWhoseAuditRowsCannotBeWritten();
    String action = latestAction(bench);

    // when
    CommandRun afterFailure = bench.run("executions");

    // then
    assertThat(afterFailure.exitCode()).as(afterFailure.toString()).isZero();
    List<String> lines = afterFailure.out().lines().toList();
    assertThat(lines.get(2)).matches(" +" + failed + "  release  FAILED .*");
    assertThat(lines.get(3)).isEqualTo("  " + action);
    assertThat(lines.get(4)).isEqualTo("  resume: " + resumeCommand(failed));
    // The command is printed whole, however wide: a command cut to the terminal's width would not run.
    assertThat(lines.stream().filter(line -> !line.startsWith("  resume: ")))
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(Screen.WIDTH));

    // when: the cause is gone and the same release runs again
    bench.execute("DROP TRIGGER fail_every_audit");
    CommandRun resumed = bench.run(release);
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    CommandRun afterResume = bench.run("executions");

    // then
    List<String> resumedLines = afterResume.out().lines().toList();
    long resuming = latestExecution("release");
    assertThat(resumedLines.get(2)).matches(" +" + resuming + "  release  COMPLETED .*");
    assertThat(resumedLines.get(3)).isEqualTo("  " + action);
    assertThat(resumedLines.get(4)).matches(" +" + failed + "  release  FAILED .*");
    assertThat(resumedLines.get(5)).isEqualTo("  " + action);
    assertThat(resumedLines.get(6)).isEqualTo("  resumed by execution " + resuming);
    assertThat(afterResume.out()).doesNotContain("./run.sh restart");
  }

  @Test
  void onAnEightyColumnTerminalTheTimesShareTheActionsLineAndTheResumeCommandIsPrintedWhole() {
    // given
    long failed = aReleaseWhoseAuditRowsCannotBeWritten();
    String action = latestAction(bench);

    // when
    CommandRun run = Screen.at(Screen.NARROW, () -> bench.run("executions"));

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    String time = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
    assertThat(lines).hasSize(2 + 3 + 2);
    assertThat(lines.subList(0, 2)).containsExactly(
        "EXECUTION  JOB      STATUS          READ    WRITTEN",
        "  STARTED (UTC)        ENDED (UTC)          ACTION");
    assertThat(lines.get(2)).matches(" +" + failed + "  release  FAILED +3 +0");
    assertThat(lines.get(3)).matches("  " + time + "  " + time + "  " + action);
    assertThat(lines.get(4)).isEqualTo("  resume: " + resumeCommand(failed));
    assertThat(lines.get(5)).matches(" +" + latestExecution("import") + "  import   COMPLETED +3 +3");
    assertThat(lines.get(6)).matches("  " + time + "  " + time);
    // The command is printed whole, however wide: a command cut to the terminal's width would not run.
    assertThat(lines.stream().filter(line -> !line.startsWith("  resume: ")))
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(Screen.NARROW));
  }

  @Test
  void jsonIsAnArrayOfExecutionsWithUtcTimesAndTheResumeCommand() {
    // given
    long failed = aReleaseWhoseAuditRowsCannotBeWritten();

    // when
    CommandRun run = bench.run("executions", "--json");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode executions = JsonMapper.builder().build().readTree(run.out());
    assertThat(executions.isArray()).isTrue();
    assertThat(executions).hasSize(2);
    JsonNode release = executions.get(0);
    assertThat(release.propertyNames()).containsExactly("executionId", "job", "status", "rowsRead", "rowsWritten",
        "startedAt", "endedAt", "actionId", "resumedBy", "resume");
    assertThat(release.get("executionId").asLong()).isEqualTo(failed);
    assertThat(release.get("job").asString()).isEqualTo("release");
    assertThat(release.get("status").asString()).isEqualTo("FAILED");
    assertThat(release.get("actionId").asString()).isEqualTo(latestAction(bench));
    assertThat(release.get("resume").asString()).isEqualTo(resumeCommand(failed));
    assertThat(Instant.parse(release.get("startedAt").asString()))
        .isBetween(Instant.now().minusSeconds(600), Instant.now());
    JsonNode imported = executions.get(1);
    assertThat(imported.get("job").asString()).isEqualTo("import");
    assertThat(imported.get("rowsRead").asLong()).isEqualTo(3);
    assertThat(imported.get("actionId").isNull()).isTrue();
    assertThat(imported.get("resume").isNull()).isTrue();
  }

  /** The restart command with the workbench's database and tenant file, as a shell takes it. */
  private String resumeCommand(long execution) {
    return "./run.sh restart " + execution + " --db " + bench.dbUrl() + " --tenant "
        + bench.folder().resolve("tenant.yml");
  }

  /** Runs the release against a trigger that fails every audit row, and returns its failed execution. */
  private long aReleaseWhoseAuditRowsCannotBeWritten() {
    bench.execute("CREATE TRIGGER fail_every_audit BEFORE INSERT ON action_audit FOR EACH ROW"
        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated write failure'");
    CommandRun failing = bench.run(release);
    assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
    return latestExecution("release");
  }

  private long latestExecution(String job) {
    return (Long) bench.query("SELECT e.job_execution_id FROM batch_job_execution e JOIN batch_job_instance i"
        + " ON e.job_instance_id = i.job_instance_id WHERE i.job_name = ? ORDER BY e.job_execution_id DESC", job)
        .get(0).get("job_execution_id");
  }
}
