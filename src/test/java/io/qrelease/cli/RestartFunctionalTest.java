package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming failed and stopped runs with restart, and seeing progress while a run goes on. */
class RestartFunctionalTest {

  @TempDir
  Path folder;

  @Test
  void aRunStoppedLikeCtrlCEndsStoppedAtAChunkBoundaryExitsOneAndRestartLastFinishesIt() throws Exception {
    // given
    Workbench bench = imported(30_000);
    SeparateRun run = SeparateRun.start(bench, "release", hunting().toString(), "--operator", "analyst@contoso.com");
    run.awaitCommittedChunks(bench);

    // when
    int exitCode = run.terminate();

    // then: the exit code the summary prints, not the JVM's 143 for a SIGTERM
    assertThat(exitCode).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("Stopped  (exit 1)").contains("Stopped").contains("The run was stopped at a chunk boundary;")
        .contains("./run.sh restart ");
    assertThat(bench.query("SELECT status FROM email_action")).containsExactly(Map.of("status", "Stopped"));
    long audited = bench.count("SELECT COUNT(*) FROM action_audit");
    assertThat(audited).isPositive().isLessThan(30_000).isEqualTo(audited / 1000 * 1000);

    // when
    CommandRun restart = bench.run("restart", "--last");

    // then
    assertThat(restart.exitCode()).as(restart.toString()).isZero();
    assertThat(bench.query("SELECT status, rows_read FROM email_action"))
        .containsExactly(Map.of("status", "Completed", "rows_read", 30_000L));
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(30_000);
  }

  @Test
  void restartResumesAFailedExecutionByItsId() throws SQLException {
    // given
    Workbench bench = imported(3_000);
    sql(bench, "CREATE TRIGGER fail_on_chunk_two BEFORE INSERT ON action_audit REFERENCING NEW ROW AS entity"
        + " FOR EACH ROW WHEN (entity.line_number = 1500) SIGNAL SQLSTATE '45000'");
    CommandRun failed = bench.run("release", hunting().toString(), "--operator", "analyst@contoso.com");
    assertThat(failed.exitCode()).isEqualTo(1);
    long executionId = bench.count("SELECT MAX(job_execution_id) FROM batch_job_execution");
    assertThat(failed.err()).contains("The run failed (").contains("./run.sh restart " + executionId);
    sql(bench, "DROP TRIGGER fail_on_chunk_two");

    // when
    CommandRun restart = bench.run("restart", Long.toString(executionId));

    // then
    assertThat(restart.exitCode()).as(restart.toString()).isZero();
    assertThat(restart.out()).contains("Completed");
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(3_000);
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isEqualTo(1);
  }

  @Test
  void restartLastResumesTheNewestFailedRunEvenWhenACompletedOneCameAfterIt() throws SQLException {
    // given: a release that fails, then another that completes
    Workbench bench = imported(3_000);
    sql(bench, "CREATE TRIGGER fail_on_chunk_two BEFORE INSERT ON action_audit REFERENCING NEW ROW AS entity"
        + " FOR EACH ROW WHEN (entity.line_number = 1500) SIGNAL SQLSTATE '45000'");
    assertThat(bench.run("release", hunting().toString(), "--operator", "analyst@contoso.com").exitCode()).isEqualTo(1);
    long failed = bench.count("SELECT MAX(job_execution_id) FROM batch_job_execution");
    sql(bench, "DROP TRIGGER fail_on_chunk_two");
    Path other = bench.write("other.csv", "NetworkMessageId,RecipientEmailAddress\n" + Campaign.messageId(1)
        + ",user1@contoso.com\n");
    assertThat(bench.run("release", other.toString(), "--operator", "analyst@contoso.com").exitCode()).isZero();

    // when
    CommandRun restart = bench.run("restart", "--last");

    // then
    assertThat(restart.exitCode()).as(restart.toString()).isZero();
    assertThat(restart.out()).contains("Resuming execution " + failed + ", which failed after deciding 1,000 messages"
        + " of its staged selection: the run goes on from the next message.");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action WHERE status = 'Completed'")).isEqualTo(2);
  }

  @Test
  void restartRefusesACompletedRunAnUnknownOneAndAChangedFile() throws Exception {
    // given
    Workbench bench = imported(1_500);
    assertThat(bench.run("release", hunting().toString(), "--operator", "analyst@contoso.com").exitCode()).isZero();
    long importId = bench.count("SELECT MIN(job_execution_id) FROM batch_job_execution");

    // when
    CommandRun completed = bench.run("restart", Long.toString(importId));
    CommandRun noneToResume = bench.run("restart", "--last");
    CommandRun unknown = bench.run("restart", "4242");

    // then
    assertThat(completed.exitCode()).isEqualTo(2);
    assertThat(completed.err()).contains("COMPLETED, not failed or stopped");
    assertThat(noneToResume.exitCode()).isEqualTo(2);
    assertThat(noneToResume.err()).contains("There is no failed or stopped run to resume");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("There is no execution 4242");

    // given: a failed import whose file then changes
    sql(bench, "UPDATE batch_job_execution SET status = 'FAILED' WHERE job_execution_id = " + importId);
    Files.writeString(folder.resolve("campaign/campaign-quarantine.csv"), "changed\n");

    // when
    CommandRun changed = bench.run("restart", Long.toString(importId));

    // then
    assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(2);
    assertThat(changed.err()).contains("has changed since execution " + importId + " started");
  }

  @Test
  void aLongRunPrintsProgressLinesWhenNotOnATerminal() {
    Workbench bench = imported(3_000);
    System.setProperty("qrelease.progress-interval", "0s");
    CommandRun run;
    try {
      run = bench.run("release", hunting().toString(), "--operator", "analyst@contoso.com");
    } finally {
      System.clearProperty("qrelease.progress-interval");
    }

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("progress   1,000 of 3,000 rows (33%)").contains("rows/s").contains("left");
  }

  private Workbench imported(int copies) {
    return Campaign.imported(folder, "store", copies);
  }

  private Path hunting() {
    return folder.resolve("campaign/campaign-hunting.csv");
  }

  private static void sql(Workbench bench, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(bench.dbUrl() + ";shutdown=true", "SA", "")) {
      connection.createStatement().execute(statement);
    }
  }
}
