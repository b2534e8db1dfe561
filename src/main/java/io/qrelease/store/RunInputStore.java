package io.qrelease.store;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What each run read (see run_input in the schema), kept beside Spring Batch's records of it. */
@Repository
public class RunInputStore {

  private final JdbcTemplate jdbc;

  public RunInputStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the run of a job instance as it first starts; a resumed run is the same instance,
   * with the same input, and changes nothing.
   *
   * @param windowEnd the end of a rule's window, null for a run that is not a rule's
   */
  public void record(long jobInstanceId, String jobName, String inputFile, String inputSha256, boolean dryRun,
      String ruleFilter, Instant windowEnd) {
    jdbc.update("""
        MERGE INTO run_input r
        USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(2500)), CAST(? AS VARCHAR(64)),
                       CAST(? AS BOOLEAN), CAST(? AS VARCHAR(2500)), CAST(? AS BIGINT)))
          AS n (job_instance_id, job_name, input_file, input_sha256, dry_run, rule_filter, window_end)
        ON r.job_instance_id = n.job_instance_id
        WHEN NOT MATCHED THEN INSERT VALUES (n.job_instance_id, n.job_name, n.input_file, n.input_sha256,
          n.dry_run, n.rule_filter, n.window_end)
        """, jobInstanceId, jobName, inputFile, inputSha256, dryRun, ruleFilter,
        windowEnd == null ? null : Columns.micros(windowEnd));
  }

  /** The real (not preview) runs of a job over a file at this path that read other content, newest first. */
  public List<Long> overOtherContent(String jobName, String inputFile, String inputSha256) {
    return jdbc.queryForList("""
        SELECT job_instance_id FROM run_input
        WHERE job_name = ? AND input_file = ? AND input_sha256 <> ? AND NOT dry_run
        ORDER BY job_instance_id DESC
        """, Long.class, jobName, inputFile, inputSha256);
  }

  /** The ends of the windows the rule's runs covered, previews or real runs as asked. */
  public List<Instant> windowEnds(String ruleFilter, boolean dryRun) {
    return jdbc.query("SELECT window_end FROM run_input WHERE rule_filter = ? AND dry_run = ?",
        (rows, rowNumber) -> Columns.instant(rows, "window_end"), ruleFilter, dryRun);
  }
}
