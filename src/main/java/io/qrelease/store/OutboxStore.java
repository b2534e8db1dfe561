package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A tenant release's outbox and its batches: the Success entities the decide step queued, in the order
 * of sending, and the calls the send step made with them (the table tenant_batch: a batch is a range
 * of positions, recorded Prepared before its call, then Accepted with the tenant's bulk id, and
 * Verified or Failed once every entity of it is accounted for).
 *
 * <p>Each action queues into a table of its own, as it stages its selection, dropped once the action
 * balances: the rows of one action need no action id beside them, a page is read along the key alone,
 * and dropping a table takes no time where deleting 100,000 rows took 0.7 s. An entity the tenant
 * refused, or found done already, is audited when it answers, and marked so; every other entity of an
 * accepted batch waits for the verify step.
 */
@Repository
public class OutboxStore {

  private static final String COLUMNS = "SELECT position, network_message_id, recipient, quarantine_identity, to_all,"
      + " acted_at, line_number FROM %s WHERE position > ? %s ORDER BY position FETCH FIRST ? ROWS ONLY";

  private final JdbcTemplate jdbc;

  public OutboxStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes the action's outbox, unless a run of the action that stopped made it already. */
  public void create(String actionId) {
    jdbc.execute("CREATE CACHED TABLE IF NOT EXISTS " + table(actionId) + " ("
        + " position BIGINT NOT NULL PRIMARY KEY,"
        + " network_message_id VARCHAR(64) NOT NULL,"
        + " recipient VARCHAR(320) NOT NULL,"
        + " quarantine_identity VARCHAR(100),"
        + " to_all BOOLEAN NOT NULL,"
        + " acted_at BIGINT NOT NULL,"
        + " line_number BIGINT NOT NULL,"
        + " audited BOOLEAN DEFAULT FALSE NOT NULL)");
  }

  /** Queues a chunk's entities, their positions already given. */
  public void queue(String actionId, List<OutboxEntry> entries) {
    jdbc.batchUpdate("INSERT INTO " + table(actionId) + " (position, network_message_id, recipient,"
            + " quarantine_identity, to_all, acted_at, line_number) VALUES (?, ?, ?, ?, ?, ?, ?)",
        entries, entries.size(), (statement, entry) -> {
          statement.setLong(1, entry.position());
          statement.setString(2, entry.key().networkMessageId());
          statement.setString(3, entry.key().recipient());
          statement.setString(4, entry.quarantineIdentity());
          statement.setBoolean(5, entry.toAllOfIdentity());
          Columns.setInstant(statement, 6, entry.actedAt());
          statement.setLong(7, entry.lineNumber());
        });
  }

  /** Whether the action queued anything for its tenant. */
  public boolean holdsAny(String actionId) {
    return exists(actionId) && !jdbc.queryForList("SELECT 1 FROM " + table(actionId) + " FETCH FIRST 1 ROW ONLY",
        Integer.class).isEmpty();
  }

  public long count(String actionId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table(actionId), Long.class);
  }

  /** Up to {@code limit} entries after the given position, in the order of sending. */
  public List<OutboxEntry> after(String actionId, long position, int limit) {
    return jdbc.query(COLUMNS.formatted(table(actionId), ""), OutboxStore::entry, position, limit);
  }

  /**
   * Up to {@code limit} entries the tenant accepted and that are not audited yet, after the given
   * position, in the order of sending, each with its batch and the time the batch was accepted.
   */
  public List<OutboxEntry> sentAfter(String actionId, long position, int limit) {
    List<OutboxEntry> entries = jdbc.query(COLUMNS.formatted(table(actionId), "AND NOT audited"),
        OutboxStore::entry, position, limit);
    if (entries.isEmpty()) {
      return entries;
    }
    List<TenantBatch> batches = jdbc.query("SELECT * FROM tenant_batch WHERE action_id = ? AND last_position >= ?"
            + " AND first_position <= ? AND state <> 'Prepared' ORDER BY batch", OutboxStore::batch, actionId,
        entries.get(0).position(), entries.get(entries.size() - 1).position());
    List<OutboxEntry> sent = new ArrayList<>(entries.size());
    int next = 0;
    for (OutboxEntry entry : entries) {
      while (next < batches.size() && batches.get(next).lastPosition() < entry.position()) {
        next++;
      }
      if (next < batches.size() && batches.get(next).firstPosition() <= entry.position()) {
        sent.add(entry.sentIn(batches.get(next).number(), batches.get(next).sentAt()));
      }
    }
    return sent;
  }

  /** Records a batch as about to be sent, or as about to be sent again after a run was cut short while sending it. */
  public void prepare(String actionId, int batch, int entities, long firstPosition, long lastPosition) {
    jdbc.update("""
        MERGE INTO tenant_batch t USING (VALUES (CAST(? AS VARCHAR(36)), CAST(? AS INTEGER), CAST(? AS INTEGER),
            CAST(? AS BIGINT), CAST(? AS BIGINT))) AS s(action_id, batch, entities, first_position, last_position)
          ON t.action_id = s.action_id AND t.batch = s.batch
        WHEN NOT MATCHED THEN INSERT (action_id, batch, entities, first_position, last_position, state)
          VALUES (s.action_id, s.batch, s.entities, s.first_position, s.last_position, 'Prepared')
        """, actionId, batch, entities, firstPosition, lastPosition);
  }

  /**
   * Records the tenant's answer to a batch: its bulk id, and which of its entities it refused or found
   * done already, which are audited at once. A batch it refused whole is Failed; one with nothing left
   * to verify, Verified.
   */
  public void answered(String actionId, int batch, String bulkId, Instant sentAt, int sent,
      Collection<OutboxEntry> refused, Collection<OutboxEntry> alreadyThere, String detail) {
    jdbc.update("UPDATE tenant_batch SET state = ?, bulk_id = ?, sent_at = ?, refused = ?, verified = ?, detail = ?"
            + " WHERE action_id = ? AND batch = ?",
        statement -> {
          statement.setString(1, sent > 0 ? "Accepted" : refused.isEmpty() ? "Verified" : "Failed");
          statement.setString(2, bulkId);
          Columns.setInstant(statement, 3, sentAt);
          statement.setInt(4, refused.size());
          statement.setInt(5, alreadyThere.size());
          statement.setString(6, detail == null ? null : Columns.fit(detail, ActionStore.DETAIL_LENGTH));
          statement.setString(7, actionId);
          statement.setInt(8, batch);
        });
    List<OutboxEntry> audited = new ArrayList<>(refused);
    audited.addAll(alreadyThere);
    jdbc.batchUpdate("UPDATE " + table(actionId) + " SET audited = TRUE WHERE position = ?", audited,
        audited.size(), (statement, entry) -> statement.setLong(1, entry.position()));
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

  /** Moves entities of a batch a tenant confirmed late from its unverified count to its verified one. */
  public void reverified(String actionId, int batch, int confirmed) {
    jdbc.update("UPDATE tenant_batch SET verified = verified + ?, not_verified = not_verified - ?,"
        + " state = CASE WHEN not_verified = ? AND refused = 0 THEN 'Verified' ELSE state END"
        + " WHERE action_id = ? AND batch = ?", confirmed, confirmed, confirmed, actionId, batch);
  }

  /** The action's batches in the order they were sent. */
  public List<TenantBatch> batches(String actionId) {
    return jdbc.query("SELECT * FROM tenant_batch WHERE action_id = ? ORDER BY batch", OutboxStore::batch, actionId);
  }

  /** Drops the action's outbox once every entity in it is audited; its batches stay, for the Action center. */
  public void drop(String actionId) {
    jdbc.execute("DROP TABLE IF EXISTS " + table(actionId));
  }

  private boolean exists(String actionId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?", Integer.class,
        table(actionId).toUpperCase(Locale.ROOT)) > 0;
  }

  /** Named after the action's id, which is a UUID the store made, never a text from outside. */
  private static String table(String actionId) {
    return "release_outbox_" + UUID.fromString(actionId).toString().replace('-', '_');
  }

  private static OutboxEntry entry(ResultSet rows, int rowNumber) throws SQLException {
    return new OutboxEntry(rows.getLong("position"),
        new EntityKey(rows.getString("network_message_id"), rows.getString("recipient")),
        rows.getString("quarantine_identity"), rows.getBoolean("to_all"), Columns.instant(rows, "acted_at"),
        rows.getLong("line_number"), null, null);
  }

  private static TenantBatch batch(ResultSet rows, int rowNumber) throws SQLException {
    return new TenantBatch(rows.getInt("batch"), rows.getInt("entities"), rows.getLong("first_position"),
        rows.getLong("last_position"), rows.getString("state"), rows.getString("bulk_id"),
        Columns.instant(rows, "sent_at"), rows.getInt("refused"), rows.getInt("verified"),
        rows.getInt("not_verified"), rows.getString("detail"));
  }
}
