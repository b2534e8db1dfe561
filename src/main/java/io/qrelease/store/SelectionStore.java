package io.qrelease.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A release's staged selection (see the schema): written a chunk at a time as the input is read,
 * read back a message at a time in key order, removed once the action balances.
 */
@Repository
public class SelectionStore {

  /*
   * A row already staged, by this chunk or an earlier one, only counts one repeat more: its first
   * line stays, which is where the audit of its entities points.
   */
  private static final String STAGE = """
      MERGE INTO release_selection s
      USING (VALUES (CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(320)), CAST(? AS BIGINT),
                     CAST(? AS BIGINT)))
        AS r (action_id, network_message_id, recipient, line_number, repeats)
      ON s.action_id = r.action_id AND s.network_message_id = r.network_message_id AND s.recipient = r.recipient
      WHEN MATCHED THEN UPDATE SET s.repeats = s.repeats + r.repeats + 1
      WHEN NOT MATCHED THEN INSERT VALUES (r.action_id, r.network_message_id, r.recipient, r.line_number, r.repeats)
      """;

  private static final String PAGE = """
      SELECT network_message_id, recipient, line_number, repeats FROM release_selection
      WHERE action_id = ? AND network_message_id %s ?
      ORDER BY network_message_id, recipient
      FETCH FIRST ? ROWS ONLY
      """;

  private static final String MESSAGE = """
      SELECT network_message_id, recipient, line_number, repeats FROM release_selection
      WHERE action_id = ? AND network_message_id = ?
      ORDER BY recipient
      """;

  private final JdbcTemplate jdbc;

  public SelectionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stages a chunk's rows, each already collapsed with its repeats within the chunk. */
  public void stage(String actionId, Collection<StagedRow> rows) {
    jdbc.batchUpdate(STAGE, rows, rows.size(), (statement, row) -> {
      statement.setString(1, actionId);
      statement.setString(2, Columns.fit(row.networkMessageId(), ActionStore.MESSAGE_ID_LENGTH));
      statement.setString(3, Columns.fit(row.recipient(), ActionStore.RECIPIENT_LENGTH));
      statement.setLong(4, row.lineNumber());
      statement.setLong(5, row.repeats());
    });
  }

  /**
   * Up to {@code limit} staged rows of the messages after the given one, or from the first when it
   * is null, in key order. A blank message id, staged as "", comes first.
   */
  public List<StagedRow> after(String actionId, String networkMessageId, int limit) {
    return jdbc.query(PAGE.formatted(networkMessageId == null ? ">=" : ">"), (rows, rowNumber) -> row(rows),
        actionId, networkMessageId == null ? "" : networkMessageId, limit);
  }

  /** Every staged row of one message. */
  public List<StagedRow> of(String actionId, String networkMessageId) {
    return jdbc.query(MESSAGE, (rows, rowNumber) -> row(rows), actionId, networkMessageId);
  }

  /** Removes up to {@code limit} staged rows of the action; returns how many it removed. */
  public int remove(String actionId, int limit) {
    return jdbc.update("DELETE FROM release_selection WHERE action_id = ? LIMIT ?", actionId, limit);
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
