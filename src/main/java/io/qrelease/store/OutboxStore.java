package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.ReleaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A tenant release's outbox and its batches (see the schema): what the decide step queued, what the
 * send step sent in which batch, and what the tenant refused.
 */
@Repository
public class OutboxStore {

  private static final String ENTRY = """
      SELECT o.position, o.network_message_id, o.recipient, o.quarantine_identity, o.to_all, o.location,
             o.release_status, o.operator, o.acted_at, o.line_number, o.batch, b.sent_at
      FROM action_outbox o LEFT JOIN tenant_batch b ON b.action_id = o.action_id AND b.batch = o.batch
      WHERE o.action_id = ? AND o.position > ?
      """;

  private final JdbcTemplate jdbc;

  public OutboxStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues a chunk's entities, their positions already given. */
  public void queue(String actionId, List<OutboxEntry> entries) {
    jdbc.batchUpdate("""
            INSERT INTO action_outbox (action_id, position, network_message_id, recipient, quarantine_identity,
              to_all, location, release_status, operator, acted_at, line_number, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Queued')""",
        entries, entries.size(), (statement, entry) -> {
          statement.setString(1, actionId);
          statement.setLong(2, entry.position());
          statement.setString(3, entry.key().networkMessageId());
          statement.setString(4, entry.key().recipient());
          statement.setString(5, entry.quarantineIdentity());
          statement.setBoolean(6, entry.toAllOfIdentity());
          statement.setString(7, entry.location().name());
          statement.setString(8, Columns.name(entry.releaseStatus()));
          statement.setString(9, entry.operator());
          Columns.setInstant(statement, 10, entry.actedAt());
          statement.setLong(11, entry.lineNumber());
        });
  }

  public boolean holdsAny(String actionId) {
    return !jdbc.queryForList("SELECT 1 FROM action_outbox WHERE action_id = ? FETCH FIRST 1 ROW ONLY", Integer.class,
        actionId).isEmpty();
  }

  public long count(String actionId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM action_outbox WHERE action_id = ?", Long.class, actionId);
  }

  /** Up to {@code limit} entries after the given position, in the order of sending. */
  public List<OutboxEntry> after(String actionId, long position, int limit) {
    return jdbc.query(ENTRY + " ORDER BY o.position FETCH FIRST ? ROWS ONLY", OutboxStore::entry, actionId, position,
        limit);
  }

  /** Up to {@code limit} entries the tenant accepted, after the given position, in the order of sending. */
  public List<OutboxEntry> sentAfter(String actionId, long position, int limit) {
    return jdbc.query(ENTRY + " AND o.state = 'Sent' ORDER BY o.position FETCH FIRST ? ROWS ONLY",
        OutboxStore::entry, actionId, position, limit);
  }

  /** Records a batch as about to be sent, or as about to be sent again after a run was cut short while sending it. */
  public void prepare(String actionId, int batch, int entities) {
    jdbc.update("""
        MERGE INTO tenant_batch t USING (VALUES (CAST(? AS VARCHAR(36)), CAST(? AS INTEGER), CAST(? AS INTEGER)))
          AS s(action_id, batch, entities) ON t.action_id = s.action_id AND t.batch = s.batch
        WHEN NOT MATCHED THEN INSERT (action_id, batch, entities, state) VALUES (s.action_id, s.batch, s.entities, 'Prepared')
        """, actionId, batch, entities);
  }

  /**
   * Records the tenant's answer to a batch: its bulk id, which of its entities are now sent, which it
   * refused and which it found done already (the last two audited at once). A batch it refused whole is
   * Failed; one with nothing left to verify, Verified.
   */
  public void answered(String actionId, int batch, String bulkId, Instant sentAt, Collection<OutboxEntry> sent,
      Collection<OutboxEntry> refused, Collection<OutboxEntry> alreadyThere, String detail) {
    jdbc.update("UPDATE tenant_batch SET state = ?, bulk_id = ?, sent_at = ?, refused = ?, verified = ?, detail = ?"
            + " WHERE action_id = ? AND batch = ?",
        statement -> {
          statement.setString(1, !sent.isEmpty() ? "Accepted" : refused.isEmpty() ? "Verified" : "Failed");
          statement.setString(2, bulkId);
          Columns.setInstant(statement, 3, sentAt);
          statement.setInt(4, refused.size());
          statement.setInt(5, alreadyThere.size());
          statement.setString(6, detail == null ? null : Columns.fit(detail, ActionStore.DETAIL_LENGTH));
          statement.setString(7, actionId);
          statement.setInt(8, batch);
        });
    mark(actionId, batch, sent, "Sent");
    mark(actionId, batch, refused, "Audited");
    mark(actionId, batch, alreadyThere, "Audited");
  }

  private void mark(String actionId, int batch, Collection<OutboxEntry> entries, String state) {
    jdbc.batchUpdate("UPDATE action_outbox SET state = ?, batch = ? WHERE action_id = ? AND position = ?",
        entries, entries.size(), (statement, entry) -> {
          statement.setString(1, state);
          statement.setInt(2, batch);
          statement.setString(3, actionId);
          statement.setLong(4, entry.position());
        });
  }

  /**
   * Adds what verification found to a batch's counts; a batch whose every entity is accounted for
   * becomes Verified, or Failed when any went unconfirmed.
   */
  public void verified(String actionId, int batch, int landed, int notLanded) {
    jdbc.update("UPDATE tenant_batch SET verified = verified + ?, not_verified = not_verified + ?"
        + " WHERE action_id = ? AND batch = ?", landed, notLanded, actionId, batch);
    jdbc.update("UPDATE tenant_batch SET state = CASE WHEN not_verified = 0 THEN 'Verified' ELSE 'Failed' END"
        + " WHERE action_id = ? AND batch = ? AND state = 'Accepted' AND refused + verified + not_verified = entities",
        actionId, batch);
  }

  /** The action's batches in the order they were sent. */
  public List<TenantBatch> batches(String actionId) {
    return jdbc.query("SELECT * FROM tenant_batch WHERE action_id = ? ORDER BY batch",
        (rows, rowNumber) -> new TenantBatch(rows.getInt("batch"), rows.getInt("entities"), rows.getString("state"),
            rows.getString("bulk_id"), Columns.instant(rows, "sent_at"), rows.getInt("refused"),
            rows.getInt("verified"), rows.getInt("not_verified"), rows.getString("detail")),
        actionId);
  }

  /** Empties the action's outbox once every entity in it is audited; its batches stay, for the Action center. */
  public void drop(String actionId) {
    jdbc.update("DELETE FROM action_outbox WHERE action_id = ?", actionId);
  }

  private static OutboxEntry entry(ResultSet rows, int rowNumber) throws SQLException {
    return new OutboxEntry(rows.getLong("position"),
        new EntityKey(rows.getString("network_message_id"), rows.getString("recipient")),
        rows.getString("quarantine_identity"), rows.getBoolean("to_all"), Location.valueOf(rows.getString("location")),
        Columns.enumValue(ReleaseStatus.class, rows.getString("release_status")), rows.getString("operator"),
        Columns.instant(rows, "acted_at"), rows.getLong("line_number"), rows.getObject("batch", Integer.class),
        Columns.instant(rows, "sent_at"));
  }
}
