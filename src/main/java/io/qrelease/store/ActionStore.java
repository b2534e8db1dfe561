package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The Action center: one record per bulk action and one audit row per entity it touched. */
@Repository
public class ActionStore {

  static final int MESSAGE_ID_LENGTH = 256;
  static final int RECIPIENT_LENGTH = 320;
  static final int DETAIL_LENGTH = 1000;

  /** Audit rows read at a time: under the 10,000 rows beyond which HSQLDB keeps a result on disk. */
  private static final int AUDIT_PAGE = 5_000;

  private static final String SELECT_ACTION = "SELECT * FROM email_action ";
  /** Counting the audit rows themselves, which reads every one of the actions. */
  private static final String COUNT_AUDIT = "SELECT action_id, result, reason, COUNT(*) FROM action_audit"
      + " WHERE action_id IN (UNNEST(?)) GROUP BY action_id, result, reason";

  private final JdbcTemplate jdbc;

  public ActionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The key as the audit table holds it: the raw values of an invalid row may be cut short. */
  public static EntityKey stored(EntityKey key) {
    return new EntityKey(Columns.fit(key.networkMessageId(), MESSAGE_ID_LENGTH),
        Columns.fit(key.recipient(), RECIPIENT_LENGTH));
  }

  /** Records that a run of the action starts; a resumed run keeps the action it began. */
  public String open(ActionRecord draft) {
    Optional<ActionRecord> existing = byJobInstance(draft.jobInstanceId());
    if (existing.isPresent()) {
      // Counted again from the audit rows once, so that the resumed run adds to exact counts
      // whichever version of qrelease ran the action before.
      recount(existing.get().actionId());
      jdbc.update("UPDATE email_action SET job_execution_id = ?, status = ?, finished_at = NULL, exit_code = NULL"
          + " WHERE action_id = ?", draft.jobExecutionId(), draft.status(), existing.get().actionId());
      return existing.get().actionId();
    }
    String actionId = UUID.randomUUID().toString();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO email_action (action_id, job_instance_id,"
          + " job_execution_id, name, source, action_type, operator, release_to, input_file, status, created_at,"
          + " dry_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      statement.setString(1, actionId);
      statement.setLong(2, draft.jobInstanceId());
      statement.setLong(3, draft.jobExecutionId());
      statement.setString(4, draft.name());
      statement.setString(5, draft.source());
      statement.setString(6, draft.actionType());
      statement.setString(7, draft.operator());
      statement.setString(8, draft.releaseTo());
      statement.setString(9, draft.inputFile());
      statement.setString(10, draft.status());
      Columns.setInstant(statement, 11, draft.createdAt());
      statement.setBoolean(12, draft.dryRun());
      return statement;
    });
    return actionId;
  }

  public void finish(String actionId, String status, Instant finishedAt, int exitCode) {
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(
          "UPDATE email_action SET status = ?, finished_at = ?, exit_code = ? WHERE action_id = ?");
      statement.setString(1, status);
      Columns.setInstant(statement, 2, finishedAt);
      statement.setInt(3, exitCode);
      statement.setString(4, actionId);
      return statement;
    });
  }

  /** Adds one chunk's rows and entities to the action's tally, in the chunk's transaction. */
  public void countRows(String actionId, long rowsRead, long entities, long duplicateRows) {
    jdbc.update("UPDATE email_action SET rows_read = rows_read + ?, entities = entities + ?,"
        + " duplicate_rows = duplicate_rows + ? WHERE action_id = ?", rowsRead, entities, duplicateRows, actionId);
  }

  public Optional<ActionRecord> byJobInstance(long jobInstanceId) {
    return jdbc.query(SELECT_ACTION + "WHERE job_instance_id = ?", ActionStore::action, jobInstanceId)
        .stream().findFirst();
  }

  /** The action of every release, by the job instance that runs it. */
  public Map<Long, String> actionIdsByJobInstance() {
    Map<Long, String> actions = new HashMap<>();
    jdbc.query("SELECT job_instance_id, action_id FROM email_action", rows -> {
      actions.put(rows.getLong(1), rows.getString(2));
    });
    return actions;
  }

  /** The actions whose id starts with this text, at most two: enough to tell one from several. */
  public List<ActionRecord> startingWith(String prefix) {
    return jdbc.query(SELECT_ACTION + "WHERE action_id LIKE ? ESCAPE '\\' ORDER BY action_id FETCH FIRST 2 ROWS ONLY",
        ActionStore::action, prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_") + "%");
  }

  public Optional<ActionRecord> find(String actionId) {
    return jdbc.query(SELECT_ACTION + "WHERE action_id = ?", ActionStore::action, actionId).stream().findFirst();
  }

  /** The actions the filter lets through, newest first. */
  public List<ActionRecord> list(ActionFilter filter) {
    return jdbc.query(SELECT_ACTION + """
            WHERE (CAST(? AS BIGINT) IS NULL OR created_at >= ?)
              AND (CAST(? AS VARCHAR(16)) IS NULL OR status = ?)
              AND (CAST(? AS VARCHAR(32)) IS NULL OR source = ?)
            ORDER BY created_at DESC, action_id""",
        statement -> {
          Columns.setInstant(statement, 1, filter.createdSince());
          Columns.setInstant(statement, 2, filter.createdSince());
          int next = Columns.setFilter(statement, 3, Columns.name(filter.status()));
          Columns.setFilter(statement, next, Columns.name(filter.source()));
        },
        ActionStore::action);
  }

  /**
   * Inserts a chunk's audit rows and adds them to the action's counts, in the chunk's transaction:
   * the counts are of the rows the database reports inserting, so that the accounting check at the
   * end of a run holds the audit table's own tally against the chunks' counters without reading a
   * million rows again.
   */
  public void audit(String actionId, List<AuditEntry> entries) {
    int[][] inserted = jdbc.batchUpdate("INSERT INTO action_audit (action_id, network_message_id, recipient, result,"
            + " reason, operator, acted_at, line_number, detail, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entries, entries.size(), (statement, entry) -> {
          statement.setString(1, actionId);
          statement.setString(2, Columns.fit(entry.key().networkMessageId(), MESSAGE_ID_LENGTH));
          statement.setString(3, Columns.fit(entry.key().recipient(), RECIPIENT_LENGTH));
          statement.setString(4, entry.verdict().result().name());
          statement.setString(5, Columns.name(entry.verdict().reason()));
          statement.setString(6, entry.operator());
          Columns.setInstant(statement, 7, entry.actedAt());
          statement.setLong(8, entry.lineNumber());
          statement.setString(9, entry.detail() == null ? null : Columns.fit(entry.detail(), DETAIL_LENGTH));
          statement.setObject(10, entry.batch(), Types.INTEGER);
        });
    Map<Verdict, Long> counts = new LinkedHashMap<>();
    int index = 0;
    for (int[] batch : inserted) {
      for (int rows : batch) {
        counts.merge(entries.get(index++).verdict(), (long) rows, Long::sum);
      }
    }
    jdbc.batchUpdate("INSERT INTO action_count (action_id, result, reason, entities) VALUES (?, ?, ?, ?)",
        List.copyOf(counts.entrySet()), counts.size(), (statement, count) -> {
          statement.setString(1, actionId);
          statement.setString(2, count.getKey().result().name());
          statement.setString(3, Columns.name(count.getKey().reason()));
          statement.setLong(4, count.getValue());
        });
  }

  /**
   * Audits Success the entities a tenant confirmed after their action had counted them unverified, and
   * moves them from the one count to the other.
   */
  public void reverified(String actionId, List<AuditEntry> confirmed) {
    jdbc.batchUpdate("UPDATE action_audit SET result = 'Success', reason = NULL, detail = NULL"
            + " WHERE action_id = ? AND network_message_id = ? AND recipient = ? AND reason = 'NotVerified'",
        confirmed, confirmed.size(), (statement, entry) -> {
          statement.setString(1, actionId);
          statement.setString(2, entry.key().networkMessageId());
          statement.setString(3, entry.key().recipient());
        });
    jdbc.update("INSERT INTO action_count (action_id, result, reason, entities) VALUES (?, 'Failed', 'NotVerified', ?),"
        + " (?, 'Success', NULL, ?)", actionId, -confirmed.size(), actionId, confirmed.size());
  }

  /** Replaces the action's counts with a count of its audit rows. */
  private void recount(String actionId) {
    jdbc.update("DELETE FROM action_count WHERE action_id = ?", actionId);
    jdbc.update("INSERT INTO action_count (action_id, result, reason, entities) " + COUNT_AUDIT,
        Columns.strings(List.of(actionId)));
  }

  public ActionCounts counts(String actionId) {
    return counts(List.of(actionId)).get(actionId);
  }

  /**
   * The counts of each of these actions: the ones its chunks kept where the action has them, else
   * counted from its audit rows (an action an earlier version ran, or one with no audit rows at
   * all, which costs nothing to count). Two queries at the most, however many actions a listing
   * shows.
   */
  public Map<String, ActionCounts> counts(Collection<String> actionIds) {
    Map<String, EnumMap<Result, Long>> byResult = new HashMap<>();
    Map<String, EnumMap<Reason, Long>> byReason = new HashMap<>();
    actionIds.forEach(actionId -> {
      byResult.put(actionId, new EnumMap<>(Result.class));
      byReason.put(actionId, new EnumMap<>(Reason.class));
    });
    RowCallbackHandler add = rows -> {
      String actionId = rows.getString(1);
      long count = rows.getLong(4);
      byResult.get(actionId).merge(Result.valueOf(rows.getString(2)), count, Long::sum);
      Reason reason = Columns.enumValue(Reason.class, rows.getString(3));
      if (reason != null) {
        byReason.get(actionId).merge(reason, count, Long::sum);
      }
    };
    Set<String> kept = new HashSet<>();
    if (!actionIds.isEmpty()) {
      jdbc.query("SELECT action_id, result, reason, SUM(entities) FROM action_count WHERE action_id IN (UNNEST(?))"
              + " GROUP BY action_id, result, reason",
          Columns.strings(actionIds), rows -> {
            kept.add(rows.getString(1));
            add.processRow(rows);
          });
    }
    List<String> uncounted = actionIds.stream().filter(actionId -> !kept.contains(actionId)).toList();
    if (!uncounted.isEmpty()) {
      jdbc.query(COUNT_AUDIT, Columns.strings(uncounted), add);
    }
    Map<String, ActionCounts> counts = new HashMap<>();
    byResult.forEach((actionId, results) -> counts.put(actionId, ActionCounts.of(results, byReason.get(actionId))));
    return counts;
  }

  /**
   * Streams the audit rows of an action with this result and reason (null: any), in input order, a
   * page at a time. HSQLDB builds a whole result before its first row is read, on disk beyond 10,000
   * rows (see the schema): sorted so, an action of 200,000 entities took 12-14 s to list. A page of
   * fewer rows stays in memory, and each page starts where the one before ended, found in the index
   * on the action's input order (USING INDEX: HSQLDB would otherwise seek the action by its primary
   * key, and sort).
   */
  public void forEachAudit(String actionId, Result result, Reason reason, Consumer<AuditEntry> consumer) {
    AuditPosition after = AuditPosition.BEFORE_ALL;
    List<AuditRow> page;
    do {
      page = auditPage(actionId, result, reason, after);
      page.forEach(row -> consumer.accept(row.entry()));
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).position();
      }
    } while (page.size() == AUDIT_PAGE);
  }

  /**
   * Where an audit row stands in input order, as stored: an entity key would trim a value that was
   * cut short at a space.
   */
  private record AuditPosition(long lineNumber, String networkMessageId, String recipient) {
    static final AuditPosition BEFORE_ALL = new AuditPosition(Long.MIN_VALUE, "", "");
  }

  private record AuditRow(AuditPosition position, AuditEntry entry) {
  }

  private List<AuditRow> auditPage(String actionId, Result result, Reason reason, AuditPosition after) {
    return jdbc.query("""
            SELECT * FROM action_audit
            WHERE action_id = ?
              AND line_number >= ?
              AND (line_number, network_message_id, recipient)
                  > (CAST(? AS BIGINT), CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(320)))
              AND (CAST(? AS VARCHAR(24)) IS NULL OR result = ?)
              AND (CAST(? AS VARCHAR(24)) IS NULL OR reason = ?)
            ORDER BY action_id, line_number, network_message_id, recipient
            FETCH FIRST ? ROWS ONLY USING INDEX""",
        statement -> {
          statement.setString(1, actionId);
          statement.setLong(2, after.lineNumber());
          statement.setLong(3, after.lineNumber());
          statement.setString(4, after.networkMessageId());
          statement.setString(5, after.recipient());
          int next = Columns.setFilter(statement, 6, Columns.name(result));
          next = Columns.setFilter(statement, next, Columns.name(reason));
          statement.setInt(next, AUDIT_PAGE);
        },
        (rows, rowNumber) -> {
          String networkMessageId = rows.getString("network_message_id");
          String recipient = rows.getString("recipient");
          long lineNumber = rows.getLong("line_number");
          return new AuditRow(new AuditPosition(lineNumber, networkMessageId, recipient), new AuditEntry(
              new EntityKey(networkMessageId, recipient),
              new Verdict(Result.valueOf(rows.getString("result")),
                  Columns.enumValue(Reason.class, rows.getString("reason"))),
              rows.getString("operator"),
              Columns.instant(rows, "acted_at"),
              lineNumber,
              rows.getString("detail"),
              rows.getObject("batch", Integer.class)));
        });
  }

  private static ActionRecord action(ResultSet rows, int rowNumber) throws SQLException {
    Integer exitCode = rows.getObject("exit_code", Integer.class);
    return new ActionRecord(
        rows.getString("action_id"),
        rows.getLong("job_instance_id"),
        rows.getLong("job_execution_id"),
        rows.getString("name"),
        rows.getString("source"),
        rows.getString("action_type"),
        rows.getString("operator"),
        rows.getString("release_to"),
        rows.getString("input_file"),
        rows.getString("status"),
        Columns.instant(rows, "created_at"),
        Columns.instant(rows, "finished_at"),
        rows.getLong("rows_read"),
        rows.getLong("entities"),
        rows.getLong("duplicate_rows"),
        exitCode,
        rows.getBoolean("dry_run"));
  }
}
