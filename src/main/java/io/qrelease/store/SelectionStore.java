package io.qrelease.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A release's staged selection: one row per message and recipient its input names ("" for every
 * recipient), at the first line naming them, with how many later lines named them again. Repeated
 * rows collapse whatever the input, so that the release reads each message once with every row
 * that names it: a chunk collapses its own before staging them, and a row that a later chunk
 * names again is staged again under the same key with its own line, so that the rows read in key
 * order fold into the first. Looking up which of a chunk's rows were staged already, to count them
 * there instead, made staging a million rows take 10.6 to 11.0 s where inserting alone takes 6.7
 * to 8.6 s.
 *
 * <p>Each action stages into a table of its own, dropped at once when the action balances:
 * removing a million rows from a shared table took 3.5 s and grew the log, dropping a table takes
 * a hundredth of a second, and the rows of one action need no action id beside them.
 */
@Repository
public class SelectionStore {

  private static final String INSERT = "INSERT INTO %s (network_message_id, recipient, line_number, repeats)"
      + " VALUES (?, ?, ?, ?)";

  /* In key order, so that HSQLDB reads the key's index from the page's first row and stops at its last. */
  private static final String PAGE = """
      SELECT network_message_id, recipient, line_number, repeats FROM %s
      WHERE network_message_id %s ?
      ORDER BY network_message_id, recipient, line_number
      FETCH FIRST ? ROWS ONLY
      """;

  private static final String MESSAGE = """
      SELECT network_message_id, recipient, line_number, repeats FROM %s
      WHERE network_message_id = ?
      ORDER BY recipient, line_number
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
        + " PRIMARY KEY (network_message_id, recipient, line_number))");
  }

  /** Stages a chunk's rows, each already collapsed with its repeats within the chunk. */
  public void stage(String actionId, Collection<StagedRow> rows) {
    jdbc.batchUpdate(INSERT.formatted(table(actionId)), rows, rows.size(), (statement, row) -> {
      statement.setString(1, Columns.fit(row.networkMessageId(), ActionStore.MESSAGE_ID_LENGTH));
      statement.setString(2, Columns.fit(row.recipient(), ActionStore.RECIPIENT_LENGTH));
      statement.setLong(3, row.lineNumber());
      statement.setLong(4, row.repeats());
    });
  }

  /**
   * Stages the copies that a condition on {@code mail_copy}, its parameters bound by name, selects,
   * in one statement, a row per copy numbered by its place in key order; says how many.
   */
  public long stageCopies(String actionId, String where, Map<String, Object> parameters) {
    // HSQLDB numbers rows by ROW_NUMBER() OVER () in the order of the sorted rows it reads, and has no
    // ORDER BY inside OVER.
    return new NamedParameterJdbcTemplate(jdbc).update("INSERT INTO " + table(actionId)
        + " (network_message_id, recipient, line_number, repeats)"
        + " SELECT network_message_id, recipient, ROW_NUMBER() OVER (), 0"
        + " FROM (SELECT network_message_id, recipient FROM mail_copy WHERE " + where
        + " ORDER BY network_message_id, recipient) AS selected", parameters);
  }

  /**
   * Up to {@code limit} staged rows of the messages after the given one, or from the first when it
   * is null, in key order, as stored: fewer only at the end. A blank message id, staged as "",
   * comes first. {@link #collapsed} folds a message's rows that several chunks staged.
   */
  public List<StagedRow> after(String actionId, String networkMessageId, int limit) {
    return jdbc.query(PAGE.formatted(table(actionId), networkMessageId == null ? ">=" : ">"),
        (rows, rowNumber) -> row(rows), networkMessageId == null ? "" : networkMessageId, limit);
  }

  /** Every staged row of one message, in key order, as stored. */
  public List<StagedRow> of(String actionId, String networkMessageId) {
    return jdbc.query(MESSAGE.formatted(table(actionId)), (rows, rowNumber) -> row(rows), networkMessageId);
  }

  /**
   * Staged rows in key order with those that later chunks staged again folded into the first: one
   * row per message and recipient, at its first line, with every repeat counted.
   */
  public static List<StagedRow> collapsed(List<StagedRow> rows) {
    List<StagedRow> collapsed = new ArrayList<>(rows.size());
    for (StagedRow row : rows) {
      StagedRow first = collapsed.isEmpty() ? null : collapsed.get(collapsed.size() - 1);
      if (first != null && first.networkMessageId().equals(row.networkMessageId())
          && first.recipient().equals(row.recipient())) {
        collapsed.set(collapsed.size() - 1, new StagedRow(first.networkMessageId(), first.recipient(),
            first.lineNumber(), first.repeats() + 1 + row.repeats()));
      } else {
        collapsed.add(row);
      }
    }
    return collapsed;
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
}
