package io.qrelease.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A release's staged selection: one row per message and recipient its input names ("" for every
 * recipient), at the first line naming them, with how many later lines named them again. Staging
 * collapses repeated rows whatever the input, so that the release reads each message once with
 * every row that names it.
 *
 * <p>Each action stages into a table of its own, dropped at once when the action balances:
 * removing a million rows from a shared table took 3.5 s and grew the log, dropping a table takes
 * a hundredth of a second, and the rows of one action need no action id beside them.
 */
@Repository
public class SelectionStore {

  /*
   * A row already staged, by this chunk or an earlier one, only counts one repeat more: its first
   * line stays, which is where the audit of its entities points.
   */
  private static final String STAGE = """
      MERGE INTO %s s
      USING (VALUES (CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(320)), CAST(? AS BIGINT), CAST(? AS BIGINT)))
        AS r (network_message_id, recipient, line_number, repeats)
      ON s.network_message_id = r.network_message_id AND s.recipient = r.recipient
      WHEN MATCHED THEN UPDATE SET s.repeats = s.repeats + r.repeats + 1
      WHEN NOT MATCHED THEN INSERT VALUES (r.network_message_id, r.recipient, r.line_number, r.repeats)
      """;

  /* In key order, so that HSQLDB reads the key's index from the page's first row and stops at its last. */
  private static final String PAGE = """
      SELECT network_message_id, recipient, line_number, repeats FROM %s
      WHERE network_message_id %s ?
      ORDER BY network_message_id, recipient
      FETCH FIRST ? ROWS ONLY
      """;

  private static final String MESSAGE = """
      SELECT network_message_id, recipient, line_number, repeats FROM %s
      WHERE network_message_id = ?
      ORDER BY recipient
      """;

  private final JdbcTemplate jdbc;

  public SelectionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes the action's table, unless a run of the action that stopped made it already. */
  public void create(String actionId) {
    jdbc.execute("CREATE CACHED TABLE IF NOT EXISTS " + table(actionId) + " ("
        + " network_message_id VARCHAR(256) NOT NULL,"
        + " recipient VARCHAR(320) NOT NULL,"
        + " line_number BIGINT NOT NULL,"
        + " repeats BIGINT NOT NULL,"
        + " PRIMARY KEY (network_message_id, recipient))");
  }

  /** Stages a chunk's rows, each already collapsed with its repeats within the chunk. */
  public void stage(String actionId, Collection<StagedRow> rows) {
    jdbc.batchUpdate(STAGE.formatted(table(actionId)), rows, rows.size(), (statement, row) -> {
      statement.setString(1, Columns.fit(row.networkMessageId(), ActionStore.MESSAGE_ID_LENGTH));
      statement.setString(2, Columns.fit(row.recipient(), ActionStore.RECIPIENT_LENGTH));
      statement.setLong(3, row.lineNumber());
      statement.setLong(4, row.repeats());
    });
  }

  /**
   * Up to {@code limit} staged rows of the messages after the given one, or from the first when it
   * is null, in key order. A blank message id, staged as "", comes first.
   */
  public List<StagedRow> after(String actionId, String networkMessageId, int limit) {
    return jdbc.query(PAGE.formatted(table(actionId), networkMessageId == null ? ">=" : ">"),
        (rows, rowNumber) -> row(rows), networkMessageId == null ? "" : networkMessageId, limit);
  }

  /** Every staged row of one message. */
  public List<StagedRow> of(String actionId, String networkMessageId) {
    return jdbc.query(MESSAGE.formatted(table(actionId)), (rows, rowNumber) -> row(rows), networkMessageId);
  }

  /** Drops the action's staged selection. */
  public void drop(String actionId) {
    jdbc.execute("DROP TABLE IF EXISTS " + table(actionId));
  }

  /** Named after the action's id, which is a UUID the store made, never a text from outside. */
  private static String table(String actionId) {
    return "release_selection_" + UUID.fromString(actionId).toString().replace('-', '_');
  }

  private static StagedRow row(ResultSet rows) throws SQLException {
    return new StagedRow(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4));
  }

  /** The rows of a page grouped by message, in the page's order. */
  public static List<List<StagedRow>> byMessage(List<StagedRow> page) {
    List<List<StagedRow>> messages = new ArrayList<>();
    for (StagedRow row : page) {
      if (messages.isEmpty()
          || !messages.get(messages.size() - 1).get(0).networkMessageId().equals(row.networkMessageId())) {
        messages.add(new ArrayList<>());
      }
      messages.get(messages.size() - 1).add(row);
    }
    return messages;
  }
}
