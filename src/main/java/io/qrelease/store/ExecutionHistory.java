package io.qrelease.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job executions in Spring Batch's tables, read with one query: the job repository's API
 * would also load every execution's parameters and step contexts, which a listing never shows. A
 * release reads its rows in its staging step and writes them as it decides and applies its messages.
 */
@Repository
public class ExecutionHistory {

  private static final String SELECT = """
      SELECT e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time,
             COALESCE(SUM(CASE WHEN s.step_name = 'decideAndApply' THEN 0 ELSE s.read_count END), 0) AS rows_read,
             COALESCE(SUM(CASE WHEN s.step_name = 'stage' THEN 0 ELSE s.write_count END), 0) AS rows_written,
             a.action_id,
             (SELECT MIN(later.job_execution_id) FROM batch_job_execution later
              WHERE later.job_instance_id = e.job_instance_id
                AND later.job_execution_id > e.job_execution_id) AS resumed_by
      FROM batch_job_execution e
      JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
      LEFT JOIN batch_step_execution s ON s.job_execution_id = e.job_execution_id
      LEFT JOIN email_action a ON a.job_instance_id = e.job_instance_id
      GROUP BY e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.start_time, e.end_time, a.action_id
      ORDER BY e.job_execution_id DESC
      """;

  private final JdbcTemplate jdbc;

  public ExecutionHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first. */
  public List<ExecutionRecord> list() {
    return jdbc.query(SELECT, ExecutionHistory::execution);
  }

  private static ExecutionRecord execution(ResultSet rows, int rowNumber) throws SQLException {
    return new ExecutionRecord(
        rows.getLong("job_execution_id"),
        rows.getString("job_name"),
        rows.getString("status"),
        rows.getLong("rows_read"),
        rows.getLong("rows_written"),
        instant(rows, "start_time"),
        instant(rows, "end_time"),
        rows.getString("action_id"),
        rows.getObject("resumed_by", Long.class));
  }

  /** Spring Batch writes its times without a zone, in the zone of the JVM that ran the job. */
  private static Instant instant(ResultSet rows, String column) throws SQLException {
    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
    return value == null ? null : value.atZone(ZoneId.systemDefault()).toInstant();
  }
}
