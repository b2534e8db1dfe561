package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** The mail copies: one row per message and recipient. */
@Repository
public class MailCopyStore {

  /*
   * An import never undoes a release: an older export that still shows a released copy in
   * quarantine must not make it releasable again. Fields an export leaves blank keep what the
   * store knew, so an EmailEvents row does not erase the quarantine details of a copy.
   */
  private static final String UPSERT = """
      MERGE INTO mail_copy t
      USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(1000)),
                     CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(4000)), CAST(? AS BIGINT),
                     CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(24)), CAST(? AS VARCHAR(64)),
                     CAST(? AS VARCHAR(256)), CAST(? AS BIGINT), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(100))))
        AS s(network_message_id, recipient, internet_message_id, sender, subject, received_at,
             location, quarantine_type, policy_type, policy_name, expires_at, release_status, quarantine_identity)
      ON t.network_message_id = s.network_message_id AND t.recipient = s.recipient
      WHEN MATCHED THEN UPDATE SET
        internet_message_id = COALESCE(s.internet_message_id, t.internet_message_id),
        sender = COALESCE(s.sender, t.sender),
        subject = COALESCE(s.subject, t.subject),
        received_at = COALESCE(s.received_at, t.received_at),
        location = CASE WHEN t.release_status = 'Released' THEN t.location ELSE s.location END,
        quarantine_type = COALESCE(s.quarantine_type, t.quarantine_type),
        policy_type = COALESCE(s.policy_type, t.policy_type),
        policy_name = COALESCE(s.policy_name, t.policy_name),
        expires_at = COALESCE(s.expires_at, t.expires_at),
        release_status = CASE WHEN t.release_status = 'Released' THEN t.release_status
                              ELSE COALESCE(s.release_status, t.release_status) END,
        quarantine_identity = COALESCE(s.quarantine_identity, t.quarantine_identity)
      WHEN NOT MATCHED THEN INSERT
        (network_message_id, recipient, internet_message_id, sender, subject, received_at,
         location, quarantine_type, policy_type, policy_name, expires_at, release_status, quarantine_identity)
        VALUES (s.network_message_id, s.recipient, s.internet_message_id, s.sender, s.subject, s.received_at,
                s.location, s.quarantine_type, s.policy_type, s.policy_name, s.expires_at, s.release_status,
                s.quarantine_identity)
      """;

  private static final String INSERT = """
      INSERT INTO mail_copy (network_message_id, recipient, internet_message_id, sender, subject, received_at,
                             location, quarantine_type, policy_type, policy_name, expires_at, release_status,
                             quarantine_identity)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String SELECT_KEYS = """
      SELECT c.network_message_id, c.recipient FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY)) AS ids(id)
      JOIN mail_copy c ON c.network_message_id = ids.id
      """;

  /*
   * The quarantine page: copies in quarantine, and copies released from it, which the portal
   * keeps showing with who released them. A quarantined copy that no export gave a release
   * status has not been released.
   */
  private static final String QUARANTINE_PAGE = """
      (c.location = 'Quarantine' OR c.release_status = 'Released')
        AND (CAST(? AS VARCHAR(16)) IS NULL OR COALESCE(c.release_status, 'NotReleased') = ?)
        AND (CAST(? AS VARCHAR(320)) IS NULL OR c.recipient = ?)
        AND (CAST(? AS VARCHAR(320)) IS NULL OR LOWER(c.sender) = ?)
        AND (CAST(? AS VARCHAR(24)) IS NULL OR c.quarantine_type = ?)
        AND (CAST(? AS VARCHAR(320)) IS NULL OR LOWER(c.released_by) = ?)
      """;

  private static final String QUARANTINE_COLUMNS = """
      SELECT c.network_message_id, c.internet_message_id, c.recipient, c.sender, c.subject, c.received_at,
             c.location, c.quarantine_type, c.policy_type, c.policy_name, c.expires_at,
             COALESCE(c.release_status, 'NotReleased') AS release_status, c.released_by, c.released_at,
             c.quarantine_identity
      """;

  /** How many of the newest copies the quarantine page looks through before it reads the whole store. */
  private static final int NEWEST_LOOKED_THROUGH = 5_000;

  /*
   * Newest received first, then by message and recipient, every column the same way: HSQLDB reads an
   * index backwards for an ORDER BY only then. A copy without a received time comes last: first in the
   * index, so last read backwards; sorted, HSQLDB puts it first unless told.
   */
  private static final String NEWEST_IN_QUARANTINE = QUARANTINE_COLUMNS + """
      FROM copy_received o
      JOIN mail_copy c ON c.network_message_id = o.network_message_id AND c.recipient = o.recipient
      WHERE o.received_at >= (SELECT received_at FROM copy_received
                              ORDER BY received_at DESC, network_message_id DESC, recipient DESC
                              OFFSET ? ROWS FETCH FIRST 1 ROW ONLY)
        AND
      """ + QUARANTINE_PAGE + """
      ORDER BY o.received_at DESC, o.network_message_id DESC, o.recipient DESC
      FETCH FIRST ? ROWS ONLY USING INDEX""";

  private static final String ALL_IN_QUARANTINE = QUARANTINE_COLUMNS + """
      FROM mail_copy c
      WHERE
      """ + QUARANTINE_PAGE + """
      ORDER BY c.received_at DESC NULLS LAST, c.network_message_id DESC, c.recipient DESC
      FETCH FIRST ? ROWS ONLY""";

  private static final String SELECT_BY_MESSAGE = """
      SELECT network_message_id, internet_message_id, recipient, sender, subject, received_at, location,
             quarantine_type, policy_type, policy_name, expires_at, release_status, released_by, released_at,
             quarantine_identity
      FROM mail_copy WHERE network_message_id IN (UNNEST(?))
      """;

  private static final String RELEASE = """
      UPDATE mail_copy SET
        location = 'Inbox',
        release_status = CASE WHEN location = 'Quarantine' THEN 'Released' ELSE release_status END,
        released_by = CASE WHEN location = 'Quarantine' THEN ? ELSE released_by END,
        released_at = CASE WHEN location = 'Quarantine' THEN ? ELSE released_at END
      WHERE network_message_id = ? AND recipient = ?""";

  private static final String GUARDED_RELEASE = RELEASE + " AND location = ? AND COALESCE(release_status, '') = ?";

  private final JdbcTemplate jdbc;

  public MailCopyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the store holds any copy of the message. */
  public boolean knows(String networkMessageId) {
    return !jdbc.queryForList("SELECT 1 FROM mail_copy WHERE network_message_id = ? FETCH FIRST 1 ROWS ONLY",
        Integer.class, networkMessageId).isEmpty();
  }

  /**
   * Loads a chunk of copies. A chunk of copies the store has never seen (every chunk of a first
   * import) is inserted in one plain batch, without looking its keys up. Otherwise one lookup tells
   * which are new, and those are inserted in a plain batch; the rest (and a key the chunk repeats)
   * are merged into what the store knows.
   */
  public void upsert(List<MailCopy> copies) {
    if (insertedAsNew(copies)) {
      return;
    }
    Set<EntityKey> stored = keysOf(copies.stream().map(MailCopy::networkMessageId).distinct().toList());
    List<MailCopy> inserts = new ArrayList<>(copies.size());
    List<MailCopy> merges = new ArrayList<>();
    for (MailCopy copy : copies) {
      (stored.add(copy.key()) ? inserts : merges).add(copy);
    }
    jdbc.batchUpdate(INSERT, inserts, inserts.size(), MailCopyStore::bindCopy);
    jdbc.batchUpdate(UPSERT, merges, merges.size(), MailCopyStore::bindCopy);
  }

  /**
   * Inserts the copies if none is in the store yet, else leaves the store as it was: a key the
   * store (or the chunk itself) already holds stops the batch, and the savepoint takes back the
   * rows it had inserted. Only a chunk's transaction can take rows back.
   */
  private boolean insertedAsNew(List<MailCopy> copies) {
    Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
    try {
      if (connection.getAutoCommit()) {
        // Outside a transaction each insert commits on its own, and nothing could be taken back.
        return false;
      }
      Savepoint beforeInserts = connection.setSavepoint();
      try {
        jdbc.batchUpdate(INSERT, copies, copies.size(), MailCopyStore::bindCopy);
        connection.releaseSavepoint(beforeInserts);
        return true;
      } catch (DuplicateKeyException known) {
        // Rolling back to the savepoint also ends it.
        connection.rollback(beforeInserts);
        return false;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The store could not insert the chunk's copies under a savepoint", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
    }
  }

  private Set<EntityKey> keysOf(List<String> networkMessageIds) {
    Set<EntityKey> keys = new HashSet<>();
    if (!networkMessageIds.isEmpty()) {
      jdbc.query(SELECT_KEYS,
          Columns.strings(networkMessageIds),
          rows -> {
            keys.add(new EntityKey(rows.getString(1), rows.getString(2)));
          });
    }
    return keys;
  }

  private static void bindCopy(PreparedStatement statement, MailCopy copy) throws SQLException {
    statement.setString(1, copy.networkMessageId());
    statement.setString(2, copy.recipient());
    statement.setString(3, copy.internetMessageId());
    statement.setString(4, copy.sender());
    statement.setString(5, copy.subject());
    Columns.setInstant(statement, 6, copy.receivedAt());
    statement.setString(7, copy.location().name());
    statement.setString(8, Columns.name(copy.quarantineType()));
    statement.setString(9, copy.policyType());
    statement.setString(10, copy.policyName());
    Columns.setInstant(statement, 11, copy.expiresAt());
    statement.setString(12, Columns.name(copy.releaseStatus()));
    statement.setString(13, copy.quarantineIdentity());
  }

  /** Every copy of the given messages, read in one query, by message. */
  public Map<String, List<MailCopy>> copiesOf(Collection<String> networkMessageIds) {
    Map<String, List<MailCopy>> byMessage = new HashMap<>();
    if (!networkMessageIds.isEmpty()) {
      jdbc.query(SELECT_BY_MESSAGE, Columns.strings(networkMessageIds), rows -> {
        MailCopy copy = copy(rows);
        byMessage.computeIfAbsent(copy.networkMessageId(), id -> new ArrayList<>()).add(copy);
      });
    }
    return byMessage;
  }

  /**
   * Moves each of these copies to the Inbox (and marks a quarantined one released) unless it changed
   * since it was read, each at its own time: the update is guarded by the state the rules saw, so that a copy another run
   * released meanwhile is not released twice. Returns, per copy, whether this write won.
   */
  public boolean[] release(List<MailCopy> copies, String operator, List<Instant> at) {
    int[] counts = jdbc.batchUpdate(GUARDED_RELEASE, new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement update, int index) throws SQLException {
        MailCopy copy = copies.get(index);
        update.setString(1, operator);
        Columns.setInstant(update, 2, at.get(index));
        update.setString(3, copy.networkMessageId());
        update.setString(4, copy.recipient());
        update.setString(5, copy.location().name());
        update.setString(6, copy.releaseStatus() == null ? "" : copy.releaseStatus().name());
      }

      @Override
      public int getBatchSize() {
        return copies.size();
      }
    });
    boolean[] won = new boolean[copies.size()];
    for (int index = 0; index < counts.length; index++) {
      won[index] = counts[index] > 0;
    }
    return won;
  }

  /**
   * Records what a tenant confirmed: each copy is in the Inbox, and one that was quarantined was
   * released by the operator at that time, whatever the store held since.
   */
  public void confirm(List<EntityKey> keys, String operator, Instant at) {
    jdbc.batchUpdate(RELEASE, keys, keys.size(), (update, key) -> {
      update.setString(1, operator);
      Columns.setInstant(update, 2, at);
      update.setString(3, key.networkMessageId());
      update.setString(4, key.recipient());
    });
  }

  /**
   * Streams the first copies of the quarantine page, newest first. They are looked for among the
   * newest copies first, along copy_received's index, a walk that stops at the limit: all a page
   * without a filter, or with one that many copies pass, needs (0.01 s for 455,000 copies, where
   * sorting them took 26 s). A filter that few copies pass would walk the whole index, looking each
   * copy up (10 s); so the walk stops after the 5,000 newest copies, and a page it did not fill is
   * read from the whole store and sorted, as HSQLDB does fastest when few copies match (1.5 s).
   */
  public void forEachInQuarantine(QuarantineFilter filter, int limit, Consumer<QuarantineEntry> consumer) {
    List<QuarantineEntry> newest = jdbc.query(NEWEST_IN_QUARANTINE,
        statement -> {
          statement.setInt(1, NEWEST_LOOKED_THROUGH - 1);
          statement.setInt(bindQuarantinePage(statement, 2, filter), limit);
        },
        (rows, rowNumber) -> quarantineEntry(rows));
    if (newest.size() == limit) {
      newest.forEach(consumer);
      return;
    }
    jdbc.query(ALL_IN_QUARANTINE, statement -> statement.setInt(bindQuarantinePage(statement, 1, filter), limit),
        rows -> {
          consumer.accept(quarantineEntry(rows));
        });
  }

  private static QuarantineEntry quarantineEntry(ResultSet rows) throws SQLException {
    return new QuarantineEntry(copy(rows), rows.getString("released_by"), Columns.instant(rows, "released_at"));
  }

  /**
   * How many copies the quarantine page holds with this filter, counting no further than {@code atMost}:
   * HSQLDB counts by reading every copy it counts, which took 0.9 s for the 387,000 of a store of
   * 455,000 copies.
   */
  public long countInQuarantine(QuarantineFilter filter, int atMost) {
    return jdbc.query("SELECT COUNT(*) FROM (SELECT 1 FROM mail_copy c WHERE " + QUARANTINE_PAGE
            + " FETCH FIRST ? ROWS ONLY)",
        statement -> statement.setInt(bindQuarantinePage(statement, 1, filter), atMost),
        rows -> {
          rows.next();
          return rows.getLong(1);
        });
  }

  private static int bindQuarantinePage(PreparedStatement statement, int first, QuarantineFilter filter)
      throws SQLException {
    int next = Columns.setFilter(statement, first, Columns.name(filter.status()));
    next = Columns.setFilter(statement, next, filter.recipient());
    next = Columns.setFilter(statement, next, filter.sender());
    next = Columns.setFilter(statement, next, Columns.name(filter.type()));
    return Columns.setFilter(statement, next, filter.releasedBy());
  }

  static MailCopy copy(ResultSet rows) throws SQLException {
    return new MailCopy(
        rows.getString("network_message_id"),
        rows.getString("internet_message_id"),
        rows.getString("recipient"),
        rows.getString("sender"),
        rows.getString("subject"),
        Columns.instant(rows, "received_at"),
        Location.valueOf(rows.getString("location")),
        Columns.enumValue(QuarantineType.class, rows.getString("quarantine_type")),
        rows.getString("policy_type"),
        rows.getString("policy_name"),
        Columns.instant(rows, "expires_at"),
        Columns.enumValue(ReleaseStatus.class, rows.getString("release_status")),
        rows.getString("quarantine_identity"));
  }
}
