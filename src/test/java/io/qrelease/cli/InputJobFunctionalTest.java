package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input job releases every file its glob matches once, oldest first, and resumes the one that failed. */
class InputJobFunctionalTest {

  static final int ROWS_PER_FILE = 2_500;

  @TempDir
  Path folder;
  Workbench bench;
  Path job;

  @BeforeEach
  void threeExportsOfAnImportedCampaign() throws IOException {
    bench = new Workbench(folder);
    Campaign campaign = Campaign.write(folder.resolve("campaign"), 3 * ROWS_PER_FILE);
    CommandRun imported = bench.run("import", campaign.quarantineExport().toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    // Named against their age, so that the order shows the job goes by age, not by name.
    export("exports/hunting-c.csv", 0, Instant.parse("2026-11-24T18:00:00Z"));
    export("exports/hunting-a.csv", 1, Instant.parse("2026-11-25T18:00:00Z"));
    export("exports/hunting-b.csv", 2, Instant.parse("2026-11-26T18:00:00Z"));
    bench.write("exports/notes.txt", "not an export");
    job = bench.write("jobs/nightly.yml", """
        name: Nightly hunting releases
        operator: secops-admin@contoso.com
        schedule: "30 2 * * *"
        input: %s/exports/hunting-*.csv
        """.formatted(folder));
  }

  @Test
  void aFileThatFailsMidWayIsResumedOnTheNextRunWhileTheOthersAreNotRedone() throws SQLException {
    // given: the second oldest file fails on its third chunk
    sql("CREATE TRIGGER fail_mid_way BEFORE INSERT ON action_audit REFERENCING NEW ROW AS entity FOR EACH ROW"
        + " WHEN (entity.network_message_id = '" + Campaign.messageId(ROWS_PER_FILE + 2_200) + "')"
        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated write failure'");

    // when
    CommandRun failed = bench.run("run", job.toString());

    // then: the oldest is released, the failed one kept its two chunks, the newest waits
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.out()).containsSubsequence("hunting-c.csv", "hunting-a.csv", "hunting-b.csv  left for the next run",
        "1 released now, 0 released earlier, 0 without rows, 1 failed, 1 left for the next run; exit 1.");
    assertThat(actions()).containsExactly(
        Map.of("input_file", file("hunting-c.csv"), "status", "Completed", "audited", (long) ROWS_PER_FILE),
        Map.of("input_file", file("hunting-a.csv"), "status", "Failed", "audited", 2_000L));

    // when: the cause is gone and the next night runs the job again
    sql("DROP TRIGGER fail_mid_way");
    CommandRun resumed = bench.run("run", job.toString());

    // then
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).containsSubsequence("hunting-c.csv  already released", "hunting-a.csv",
        "Resuming execution ", "failed after deciding 2,000 messages of its staged selection: the run goes on from the next message.", "hunting-b.csv",
        "2 released now, 1 released earlier, 0 without rows, 0 failed, 0 left for the next run; exit 0.");
    assertThat(actions()).containsExactly(
        Map.of("input_file", file("hunting-c.csv"), "status", "Completed", "audited", (long) ROWS_PER_FILE),
        Map.of("input_file", file("hunting-a.csv"), "status", "Completed", "audited", (long) ROWS_PER_FILE),
        Map.of("input_file", file("hunting-b.csv"), "status", "Completed", "audited", (long) ROWS_PER_FILE));
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_execution e JOIN batch_job_instance i"
        + " ON e.job_instance_id = i.job_instance_id WHERE i.job_name = 'release'")).isEqualTo(4);

    // when: a third night with no new file
    Map<String, List<Map<String, Object>>> before = bench.snapshot();
    CommandRun idle = bench.run("run", job.toString());

    // then
    assertThat(idle.exitCode()).as(idle.toString()).isZero();
    assertThat(idle.out())
        .contains("0 released now, 3 released earlier, 0 without rows, 0 failed, 0 left for the next run; exit 0.");
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  @Test
  void aFileLargerThanTheCapIsRefusedBeforeAnyFileIsReleased() {
    // given
    Path capped = bench.write("jobs/capped.yml", """
        operator: secops-admin@contoso.com
        maxRows: 2499
        input: %s/exports/hunting-*.csv
        """.formatted(folder));
    Map<String, List<Map<String, Object>>> before = bench.snapshot();

    // when
    CommandRun run = bench.run("run", capped.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(folder.resolve("exports/hunting-c.csv") + " has 2,500 rows, more than the cap of"
        + " 2,499 (maxRows in " + capped + "); nothing was changed");
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  @Test
  void aGlobThatMatchesNothingIsANightWithNothingToDo() {
    // given
    Path empty = bench.write("jobs/empty.yml", """
        operator: secops-admin@contoso.com
        input: %s/exports/explorer-*.csv
        """.formatted(folder));

    // when
    CommandRun run = bench.run("run", empty.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("0 files match").contains("0 released now, 0 released earlier");
  }

  private void export(String name, int part, Instant modified) throws IOException {
    StringBuilder rows = new StringBuilder("NetworkMessageId,RecipientEmailAddress\n");
    for (int i = part * ROWS_PER_FILE; i < (part + 1) * ROWS_PER_FILE; i++) {
      rows.append(Campaign.messageId(i)).append(",user").append(i % 997).append("@contoso.com\n");
    }
    Files.setLastModifiedTime(bench.write(name, rows.toString()), FileTime.from(modified));
  }

  private String file(String name) {
    return folder.resolve("exports").resolve(name).toString();
  }

  private List<Map<String, Object>> actions() {
    return bench.query("SELECT e.input_file, e.status, (SELECT COUNT(*) FROM action_audit a"
        + " WHERE a.action_id = e.action_id) AS audited FROM email_action e ORDER BY e.created_at");
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(bench.dbUrl() + ";shutdown=true", "SA", "")) {
      connection.createStatement().execute(statement);
    }
  }
}
