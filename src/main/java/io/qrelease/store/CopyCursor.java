package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.ReleaseStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The copies of a chunk's messages, read in one query and held open for update: a release writes
 * each copy through the row it read, where an {@code UPDATE} by key would first find the copy in
 * the index again, which took a third of the time of the release's writes.
 *
 * <p>HSQLDB names a row of a cached table by its place in the data file, and keeps a row another
 * session changed in that place only while a transaction that may still see it is open: releasing
 * through the cursor therefore needs the chunk's transaction. A copy another session changed since
 * it was read cannot be written through the cursor; from that copy on, the chunk's releases are
 * written by a statement guarded by the state the rules saw, so that a copy another run released
 * meanwhile is not released twice.
 *
 * <p>A preview reads the same copies without holding them for update, which HSQLDB does faster, and
 * its cursor refuses to release.
 */
public final class CopyCursor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CopyCursor.class);

  private static final String SELECT_BY_MESSAGE = """
      SELECT network_message_id, internet_message_id, recipient, sender, subject, received_at, location,
             quarantine_type, policy_type, policy_name, expires_at, release_status, released_by, released_at
      FROM mail_copy WHERE network_message_id IN (UNNEST(?))
      """;

  /* The same write as the cursor's, for a copy changed elsewhere: it counts zero if the copy no longer matches. */
  private static final String GUARDED_RELEASE = """
      UPDATE mail_copy SET
        location = 'Inbox',
        release_status = CASE WHEN location = 'Quarantine' THEN 'Released' ELSE release_status END,
        released_by = CASE WHEN location = 'Quarantine' THEN ? ELSE released_by END,
        released_at = CASE WHEN location = 'Quarantine' THEN ? ELSE released_at END
      WHERE network_message_id = ? AND recipient = ? AND location = ? AND COALESCE(release_status, '') = ?
      """;

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final Connection connection;
  private final Map<String, List<MailCopy>> byMessage = new HashMap<>();
  private final Map<EntityKey, Integer> rowOf = new HashMap<>();
  private final boolean forRelease;
  private PreparedStatement statement;
  private ResultSet rows;

  CopyCursor(JdbcTemplate jdbc, Collection<String> networkMessageIds, boolean forRelease) {
    this.jdbc = jdbc;
    this.forRelease = forRelease;
    this.dataSource = Objects.requireNonNull(jdbc.getDataSource());
    this.connection = DataSourceUtils.getConnection(dataSource);
    boolean opened = false;
    try {
      read(networkMessageIds);
      opened = true;
    } catch (SQLException e) {
      throw translated("the chunk's copies", SELECT_BY_MESSAGE, e);
    } finally {
      if (!opened) {
        close();
      }
    }
  }

  /** The copies of one message, as read. */
  public List<MailCopy> copiesOf(String networkMessageId) {
    return byMessage.getOrDefault(networkMessageId, List.of());
  }

  /**
   * Moves each of these copies, as read, to the Inbox (and marks a quarantined one released) unless
   * it changed since; returns, per copy, whether this write won.
   */
  public boolean[] release(List<MailCopy> copies, String operator, Instant at) {
    if (!forRelease) {
      throw new IllegalStateException("Copies read for a preview are not released.");
    }
    try {
      if (connection.getAutoCommit()) {
        throw new IllegalStateException("Copies are released through their cursor only in a transaction.");
      }
    } catch (SQLException e) {
      throw translated("the chunk's transaction", null, e);
    }
    boolean[] won = new boolean[copies.size()];
    int next = 0;
    try {
      for (; next < copies.size(); next++) {
        writeThroughCursor(copies.get(next), operator, at);
        won[next] = true;
      }
    } catch (SQLException changed) {
      LOG.info("Copy {} could not be written through its cursor ({}); the chunk's remaining releases are guarded.",
          copies.get(next).key(), changed.getMessage());
      boolean[] rest = guardedRelease(copies.subList(next, copies.size()), operator, at);
      System.arraycopy(rest, 0, won, next, rest.length);
    }
    return won;
  }

  private void writeThroughCursor(MailCopy copy, String operator, Instant at) throws SQLException {
    Integer row = rowOf.get(copy.key());
    if (row == null) {
      throw new IllegalArgumentException("Copy " + copy.key() + " was not read through this cursor.");
    }
    rows.absolute(row);
    rows.updateString("location", Location.Inbox.name());
    if (copy.location() == Location.Quarantine) {
      rows.updateString("release_status", ReleaseStatus.Released.name());
      rows.updateString("released_by", operator);
      rows.updateLong("released_at", Columns.micros(at));
    }
    rows.updateRow();
  }

  private boolean[] guardedRelease(List<MailCopy> copies, String operator, Instant at) {
    int[][] counts = jdbc.batchUpdate(GUARDED_RELEASE, copies, copies.size(), (update, copy) -> {
      update.setString(1, operator);
      Columns.setInstant(update, 2, at);
      update.setString(3, copy.networkMessageId());
      update.setString(4, copy.recipient());
      update.setString(5, copy.location().name());
      update.setString(6, copy.releaseStatus() == null ? "" : copy.releaseStatus().name());
    });
    boolean[] won = new boolean[copies.size()];
    int index = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        won[index++] = count > 0;
      }
    }
    return won;
  }

  private void read(Collection<String> networkMessageIds) throws SQLException {
    if (networkMessageIds.isEmpty()) {
      return;
    }
    statement = forRelease
        ? connection.prepareStatement(SELECT_BY_MESSAGE, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE)
        : connection.prepareStatement(SELECT_BY_MESSAGE);
    Columns.strings(networkMessageIds).setValues(statement);
    rows = statement.executeQuery();
    int row = 0;
    while (rows.next()) {
      MailCopy copy = MailCopyStore.copy(rows);
      row++;
      if (forRelease) {
        rowOf.put(copy.key(), row);
      }
      byMessage.computeIfAbsent(copy.networkMessageId(), id -> new ArrayList<>()).add(copy);
    }
  }

  @Override
  public void close() {
    try (PreparedStatement closing = statement; ResultSet closingRows = rows) {
      statement = null;
      rows = null;
    } catch (SQLException e) {
      throw translated("closing the chunk's copies", SELECT_BY_MESSAGE, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private RuntimeException translated(String task, String sql, SQLException e) {
    return Objects.requireNonNull(jdbc.getExceptionTranslator().translate(task, sql, e));
  }
}
