package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.AuditCounts;
import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Gate;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release that fails part-way is resumed by running the same command again, and ends as a clean run does. */
class ReleaseResumeFunctionalTest {

  static final int COPIES = 5_000;
  private static final String FAILING_CHUNK = "fail_on_chunk_three";

  @TempDir
  Path folder;

  @Test
  void aRunThatFailsOnChunkThreeResumesFromTheLastCommittedChunkAndEndsLikeACleanRun() throws SQLException {
    // given: the same campaign in two stores, one of which fails while writing the third chunk
    Workbench clean = importedCampaign("clean");
    Workbench faulty = importedCampaign("faulty");
    String[] release = {"release", folder.resolve("campaign/campaign-hunting.csv").toString(),
        "--operator", "secops-admin@contoso.com", "--name", "Campaign 42"};
    assertThat(clean.run(release).exitCode()).isZero();
    failWritesOfChunkThree(faulty);

    // when
    CommandRun failed = faulty.run(release);

    // then: two chunks committed, nothing of the third
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.err()).contains("run the same command again, or ./run.sh restart 1 --db " + faulty.dbUrl()
        + " --tenant " + faulty.folder().resolve("tenant.yml") + ", to resume");
    assertThat(faulty.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(2_000);
    assertThat(faulty.query("SELECT status FROM email_action").get(0)).containsEntry("status", "Failed");

    // when: the cause is gone and the same command runs again
    sql(faulty, "DROP TRIGGER " + FAILING_CHUNK);
    CommandRun resumed = faulty.run(release);

    // then
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(StoreSnapshot.of(faulty)).isEqualTo(StoreSnapshot.of(clean));
    assertThat(faulty.count("SELECT COUNT(*) FROM email_action")).isEqualTo(1);
    assertThat(faulty.query("SELECT status, rows_read FROM email_action").get(0))
        .containsEntry("status", "Completed").containsEntry("rows_read", (long) COPIES);
    assertThat(faulty.query("SELECT s.write_count FROM batch_step_execution s JOIN batch_job_execution e"
        + " ON s.job_execution_id = e.job_execution_id JOIN batch_job_instance i ON e.job_instance_id = i.job_instance_id"
        + " WHERE i.job_name = 'release' AND s.step_name = 'decideAndApply' ORDER BY s.step_execution_id"))
        .extracting(row -> row.get("write_count"))
        .containsExactly(2_000L, 3_000L);
  }

  @Test
  void aResumedRunCollapsesARowRepeatingAnEntityAuditedBeforeTheFailure() throws Exception {
    // given: the campaign's selection with its first row repeated in the fourth chunk, and a
    // store that fails while writing the third
    Workbench bench = importedCampaign("store");
    List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve("campaign/campaign-hunting.csv")));
    lines.add(3_200, lines.get(1));
    Path selection = Files.write(folder.resolve("repeated.csv"), lines);
    String[] release = {"release", selection.toString(), "--operator", "secops-admin@contoso.com"};
    failWritesOfChunkThree(bench);
    assertThat(bench.run(release).exitCode()).isEqualTo(1);
    sql(bench, "DROP TRIGGER " + FAILING_CHUNK);

    // when
    CommandRun resumed = bench.run(release);

    // then: the repeat meets the audit row the failed run committed, and is counted as a duplicate
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(bench.query("SELECT line_number FROM action_audit a JOIN action_audit b"
        + " ON a.network_message_id = b.network_message_id AND a.recipient = b.recipient WHERE b.line_number = 2"))
        .containsExactly(Map.of("line_number", 2L));
    assertThat(bench.query("SELECT rows_read, entities, duplicate_rows FROM email_action"))
        .containsExactly(Map.of("rows_read", (long) COPIES + 1, "entities", (long) COPIES + 1, "duplicate_rows", 1L));
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(COPIES);
  }

  @Test
  void aFileChangedAfterAFailureIsRefusedInsteadOfMixedIntoTheRunItFailed() throws Exception {
    // given: a run that failed on chunk three, and then a change to its file
    Workbench bench = importedCampaign("store");
    Path hunting = folder.resolve("campaign/campaign-hunting.csv");
    String[] release = {"release", hunting.toString(), "--operator", "secops-admin@contoso.com"};
    failWritesOfChunkThree(bench);
    assertThat(bench.run(release).exitCode()).isEqualTo(1);
    sql(bench, "DROP TRIGGER " + FAILING_CHUNK);
    String original = Files.readString(hunting);
    Files.writeString(hunting, original.replace("user1@contoso.com", "user2@contoso.com"));

    // when
    CommandRun changed = bench.run(release);

    // then
    assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(2);
    assertThat(changed.err()).contains("has changed since execution").contains("put the original back");
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(2_000);
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isEqualTo(1);

    // when: the original is back
    Files.writeString(hunting, original);
    CommandRun resumed = bench.run(release);

    // then
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(COPIES);
  }

  @Test
  void anActionsKeptCountsMatchItsAuditRowsAfterAFailureAKillMidResumeAndTheRunThatCompletesIt() throws Exception {
    // given: a run that failed on chunk three, and a gate that will hold the resumed run within its second chunk
    Workbench bench = importedCampaign("store");
    String[] release = {"release", folder.resolve("campaign/campaign-hunting.csv").toString(),
        "--operator", "secops-admin@contoso.com"};
    failWritesOfChunkThree(bench);
    assertThat(bench.run(release).exitCode()).isEqualTo(1);
    sql(bench, "DROP TRIGGER " + FAILING_CHUNK);
    List<Map<String, Object>> keptAtFailure = AuditCounts.kept(bench);
    List<Map<String, Object>> countedAtFailure = AuditCounts.counted(bench);
    // A commit reaches the log at once rather than within half a second, so that the kill loses
    // no chunk the run committed before the gate held it.
    sql(bench, "SET FILES WRITE DELAY FALSE");
    String gate = "GATE_" + UUID.randomUUID().toString().replace("-", "");
    sql(bench, "CREATE TRIGGER " + gate + " BEFORE INSERT ON action_audit REFERENCING NEW ROW AS entity"
        + " FOR EACH ROW WHEN (entity.line_number = 3500) CALL \"" + Gate.class.getName() + "\"");

    // when: the same command resumes the run, and its process is killed while the gate holds it
    SeparateRun resumed = SeparateRun.start(bench, release);
    Gate.awaitHeld(gate);
    resumed.kill();
    List<Map<String, Object>> keptWhenKilled = AuditCounts.kept(bench);

    // then: the chunks keep the counts with their audit rows, so a kill leaves them matching
    assertThat(keptAtFailure).isEqualTo(countedAtFailure);
    assertThat(entities(keptAtFailure)).isEqualTo(2_000);
    assertThat(keptWhenKilled).isEqualTo(AuditCounts.counted(bench));
    assertThat(entities(keptWhenKilled)).isEqualTo(3_000);

    // when: the next command finds the killed run dead and closes its action
    CommandRun listed = bench.run("actions", "--json");

    // then
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(bench.query("SELECT status FROM email_action").get(0)).containsEntry("status", "Failed");
    assertThat(AuditCounts.kept(bench)).isEqualTo(AuditCounts.counted(bench));
    assertThat(entities(AuditCounts.kept(bench))).isEqualTo(3_000);

    // when: the same command runs once more, with the gate gone and without the kept counts, as a
    // version that kept counts only when a run ended left a killed run's action
    sql(bench, "DROP TRIGGER " + gate);
    sql(bench, "DELETE FROM action_count");
    CommandRun completed = bench.run(release);

    // then
    assertThat(completed.exitCode()).as(completed.toString()).isZero();
    assertThat(AuditCounts.kept(bench)).isEqualTo(AuditCounts.counted(bench));
    assertThat(entities(AuditCounts.kept(bench))).isEqualTo(COPIES);
    Files.deleteIfExists(Gate.heldFile(gate));
  }

  @Test
  void rerunningACompletedReleaseChangesNothing() {
    // given
    Workbench bench = importedCampaign("store");
    String[] release = {"release", folder.resolve("campaign/campaign-hunting.csv").toString(),
        "--operator", "analyst@contoso.com"};
    CommandRun first = bench.run(release);
    StoreSnapshot before = StoreSnapshot.of(bench);
    long executions = bench.count("SELECT COUNT(*) FROM batch_job_execution");

    // when
    CommandRun again = bench.run(release);

    // then
    assertThat(again.exitCode()).isEqualTo(first.exitCode());
    assertThat(again.out()).contains("completed earlier");
    assertThat(StoreSnapshot.of(bench)).isEqualTo(before);
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(executions);
  }

  private static long entities(List<Map<String, Object>> counts) {
    return counts.stream().mapToLong(row -> (Long) row.get("entities")).sum();
  }

  private Workbench importedCampaign(String name) {
    return Campaign.imported(folder, name, COPIES);
  }

  /** Chunks hold 1,000 rows: line 2500 is in the third. */
  private static void failWritesOfChunkThree(Workbench bench) throws SQLException {
    sql(bench, "CREATE TRIGGER " + FAILING_CHUNK + " BEFORE INSERT ON action_audit"
        + " REFERENCING NEW ROW AS entity FOR EACH ROW WHEN (entity.line_number = 2500)"
        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated write failure'");
  }

  private static void sql(Workbench bench, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(bench.dbUrl() + ";shutdown=true", "SA", "")) {
      connection.createStatement().execute(statement);
    }
  }
}
