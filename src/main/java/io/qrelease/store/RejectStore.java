package io.qrelease.store;

import java.util.List;
import java.util.function.ObjLongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Import rows that could not be used, kept in the chunk's transaction so that a resumed import
 * lists each exactly once; the rejects file is written from here when the run ends.
 */
@Repository
public class RejectStore {

  public record Reject(long lineNumber, String reason) {
  }

  private final JdbcTemplate jdbc;

  public RejectStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(long jobInstanceId, List<Reject> rejects) {
    jdbc.batchUpdate("INSERT INTO import_reject (job_instance_id, line_number, reason) VALUES (?, ?, ?)",
        rejects, rejects.size(), (statement, reject) -> {
          statement.setLong(1, jobInstanceId);
          statement.setLong(2, reject.lineNumber());
          statement.setString(3, Columns.fit(reject.reason(), 1000));
        });
  }

  public long count(long jobInstanceId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM import_reject WHERE job_instance_id = ?", Long.class,
        jobInstanceId);
  }

  public void forEach(long jobInstanceId, ObjLongConsumer<String> consumer) {
    jdbc.query("SELECT line_number, reason FROM import_reject WHERE job_instance_id = ? ORDER BY line_number",
        rows -> {
          consumer.accept(rows.getString(2), rows.getLong(1));
        }, jobInstanceId);
  }
}
