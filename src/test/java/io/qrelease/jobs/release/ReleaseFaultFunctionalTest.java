package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.FailingWrites;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that fails on write: a transient fault is retried a bounded number of times, a
 * lasting one fails the run restartable, and no chunk is ever skipped or written in part.
 */
class ReleaseFaultFunctionalTest {

  static final int COPIES = 5_000;

  @TempDir
  Path folder;

  @AfterEach
  void healTheDatabase() {
    System.clearProperty(FailingWrites.STATEMENT);
    System.clearProperty(FailingWrites.AFTER);
    System.clearProperty(FailingWrites.TIMES);
    System.clearProperty("qrelease.retry.first-pause");
  }

  @Test
  void aTransientWriteFaultIsRetriedAndTheRunEndsLikeACleanOne() {
    // given
    Workbench clean = imported("clean");
    Workbench faulty = imported("faulty");
    assertThat(clean.run(release()).exitCode()).isZero();
    failAuditWrites(2, 2);
    int failuresBefore = FailingWrites.FAILURES.get();

    // when
    CommandRun run = faulty.run(release());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(FailingWrites.FAILURES.get() - failuresBefore).isEqualTo(2);
    assertThat(StoreSnapshot.of(faulty)).isEqualTo(StoreSnapshot.of(clean));
    assertThat(faulty.query("SELECT status FROM batch_job_execution e JOIN batch_job_instance i"
        + " ON e.job_instance_id = i.job_instance_id WHERE i.job_name = 'release' ORDER BY e.job_execution_id"))
        .extracting(row -> row.get("status")).containsExactly("FAILED", "FAILED", "COMPLETED");
  }

  @Test
  void aLastingWriteFaultFailsTheRunAfterItsRetriesWithWholeChunksOnly() {
    // given
    Workbench bench = imported("store");
    failAuditWrites(3, -1);

    // when
    CommandRun run = bench.run(release());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("simulated loss of the database connection").contains("to resume");
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(3_000);
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE location = 'Inbox'"))
        .isEqualTo(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'"));
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1 + 3);

    // when: the database is back
    healTheDatabase();
    CommandRun resumed = bench.run(release());

    // then
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(COPIES);
  }

  @Test
  void aRunWhoseAccountingDoesNotBalanceFailsInsteadOfCompleting() throws SQLException {
    // given: a store that miscounts the duplicates of every chunk
    Workbench bench = imported("store");
    try (Connection connection = DriverManager.getConnection(bench.dbUrl() + ";shutdown=true", "SA", "")) {
      connection.createStatement().execute("CREATE TRIGGER miscount BEFORE UPDATE ON email_action"
          + " REFERENCING NEW ROW AS action FOR EACH ROW SET action.duplicate_rows = action.entities");
    }

    // when
    CommandRun run = bench.run(release());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("accounting does not balance");
    assertThat(bench.query("SELECT status FROM email_action")).containsExactly(Map.of("status", "Failed"));
    assertThat(bench.query("SELECT s.step_name, s.status FROM batch_step_execution s JOIN batch_job_execution e"
        + " ON s.job_execution_id = e.job_execution_id JOIN batch_job_instance i ON e.job_instance_id = i.job_instance_id"
        + " WHERE i.job_name = 'release' ORDER BY s.step_execution_id")).containsExactly(
            Map.of("step_name", "stage", "status", "COMPLETED"),
            Map.of("step_name", "decideAndApply", "status", "COMPLETED"),
            Map.of("step_name", "accounting", "status", "FAILED"));
  }

  private String[] release() {
    return new String[] {"release", folder.resolve("campaign/campaign-hunting.csv").toString(),
        "--operator", "secops-admin@contoso.com"};
  }

  private static void failAuditWrites(int after, int times) {
    System.setProperty(FailingWrites.STATEMENT, "INSERT INTO action_audit");
    System.setProperty(FailingWrites.AFTER, Integer.toString(after));
    System.setProperty(FailingWrites.TIMES, Integer.toString(times));
    System.setProperty("qrelease.retry.first-pause", "10ms");
  }

  private Workbench imported(String name) {
    return Campaign.imported(folder, name, COPIES);
  }
}
