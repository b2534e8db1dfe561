package io.qrelease.store;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings a store created by an earlier version up to the current schema: CREATE TABLE IF NOT
 * EXISTS leaves an existing table as it was, and HSQLDB can add neither a column nor a trigger only
 * if missing.
 */
@Component
@DependsOnDatabaseInitialization
public class SchemaUpgrade implements InitializingBean {

  /*
   * A copy inserted is inserted into copy_received; a received time an update changes is changed there,
   * found in its index by the time it had. An update that does not set received_at, as a release's,
   * fires none of them.
   */
  private static final Map<String, String> RECEIVED_TIME_TRIGGERS = Map.of(
      "COPY_RECEIVED_INSERTED", """
          AFTER INSERT ON mail_copy REFERENCING NEW ROW AS copy FOR EACH ROW
          INSERT INTO copy_received (received_at, network_message_id, recipient)
          VALUES (copy.received_at, copy.network_message_id, copy.recipient)
          """,
      "COPY_RECEIVED_CHANGED", """
          AFTER UPDATE OF received_at ON mail_copy REFERENCING OLD ROW AS was NEW ROW AS copy FOR EACH ROW
          WHEN (was.received_at IS NOT NULL AND copy.received_at IS DISTINCT FROM was.received_at)
          UPDATE copy_received SET received_at = copy.received_at
          WHERE received_at = was.received_at AND network_message_id = was.network_message_id
            AND recipient = was.recipient
          """,
      "COPY_RECEIVED_DATED", """
          AFTER UPDATE OF received_at ON mail_copy REFERENCING OLD ROW AS was NEW ROW AS copy FOR EACH ROW
          WHEN (was.received_at IS NULL AND copy.received_at IS NOT NULL)
          UPDATE copy_received SET received_at = copy.received_at
          WHERE received_at IS NULL AND network_message_id = was.network_message_id AND recipient = was.recipient
          """);

  private final JdbcTemplate jdbc;
  /** Reading through the run that holds the database, which has upgraded it, with an account that could not. */
  private final boolean readOnly;

  public SchemaUpgrade(JdbcTemplate jdbc, @Value("${qrelease.read-only:false}") boolean readOnly) {
    this.jdbc = jdbc;
    this.readOnly = readOnly;
  }

  @Override
  public void afterPropertiesSet() {
    if (readOnly) {
      return;
    }
    addMissingColumn("EMAIL_ACTION", "DRY_RUN", "BOOLEAN DEFAULT FALSE NOT NULL");
    addMissingColumn("EMAIL_ACTION", "ENTITIES", "BIGINT DEFAULT 0 NOT NULL");
    addMissingColumn("MAIL_COPY", "QUARANTINE_IDENTITY", "VARCHAR(100)");
    addMissingColumn("ACTION_AUDIT", "DETAIL", "VARCHAR(1000)");
    addMissingColumn("ACTION_AUDIT", "BATCH", "INTEGER");
    List.of(new InstantColumn("MAIL_COPY", "RECEIVED_AT", false), new InstantColumn("MAIL_COPY", "EXPIRES_AT", false),
        new InstantColumn("MAIL_COPY", "RELEASED_AT", false), new InstantColumn("EMAIL_ACTION", "CREATED_AT", true),
        new InstantColumn("EMAIL_ACTION", "FINISHED_AT", false), new InstantColumn("ACTION_AUDIT", "ACTED_AT", true))
        .forEach(this::instantToMicros);
    keepReceivedTimes();
  }

  /**
   * Creates the triggers that keep copy_received (see the schema) beside mail_copy, whichever
   * statement writes a copy, and fills it once for a store written before it existed: 15 s for 455,000
   * copies, in one statement, which a start cut short leaves undone. The triggers read received_at as
   * microseconds, so they follow its conversion.
   */
  private void keepReceivedTimes() {
    RECEIVED_TIME_TRIGGERS.forEach((name, definition) -> {
      if (jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME = ?",
          Integer.class, name) == 0) {
        jdbc.execute("CREATE TRIGGER " + name + " " + definition);
      }
    });
    if (isEmpty("COPY_RECEIVED") && !isEmpty("MAIL_COPY")) {
      jdbc.execute("INSERT INTO copy_received (received_at, network_message_id, recipient)"
          + " SELECT received_at, network_message_id, recipient FROM mail_copy");
    }
  }

  private boolean isEmpty(String table) {
    return jdbc.queryForList("SELECT 1 FROM " + table + " FETCH FIRST 1 ROW ONLY").isEmpty();
  }

  private record InstantColumn(String table, String column, boolean notNull) {
  }

  /**
   * Stores kept instants as timestamps before they were kept as microseconds since the epoch: the
   * column is replaced by one holding the same instants, under its name. HSQLDB commits each step
   * on its own, so a conversion cut short is started over, or finished, on the next start.
   */
  private void instantToMicros(InstantColumn instant) {
    String table = instant.table();
    String column = instant.column();
    String micros = column + "_MICROS";
    boolean timestamps = hasColumn(table, column, "DATA_TYPE LIKE 'TIMESTAMP%'");
    boolean converted = hasColumn(table, micros, "TRUE");
    if (timestamps && converted) {
      jdbc.execute("ALTER TABLE " + table + " DROP COLUMN " + micros);
    }
    if (timestamps) {
      jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + micros + " BIGINT");
      jdbc.execute("UPDATE " + table + " SET " + micros
          + " = DATEDIFF('microsecond', TIMESTAMP '1970-01-01 00:00:00+00:00', " + column + ")");
      jdbc.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
    }
    if (timestamps || converted) {
      jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + micros + " RENAME TO " + column);
    }
    if (instant.notNull() && hasColumn(table, column, "IS_NULLABLE = 'YES'")) {
      jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
    }
  }

  /** Whether the table has the column, and it meets the condition on INFORMATION_SCHEMA.COLUMNS. */
  private boolean hasColumn(String table, String column, String condition) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?"
        + " AND COLUMN_NAME = ? AND " + condition, Integer.class, table, column) > 0;
  }

  private void addMissingColumn(String table, String column, String definition) {
    if (!hasColumn(table, column, "TRUE")) {
      jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
    }
  }
}
