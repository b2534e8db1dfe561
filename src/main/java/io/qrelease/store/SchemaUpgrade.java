package io.qrelease.store;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings a store created by an earlier version up to the current schema: CREATE TABLE IF NOT
 * EXISTS leaves an existing table as it was, and HSQLDB cannot add a column only if missing.
 */
@Component
@DependsOnDatabaseInitialization
public class SchemaUpgrade implements InitializingBean {

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
    List.of(new InstantColumn("MAIL_COPY", "RECEIVED_AT", false), new InstantColumn("MAIL_COPY", "EXPIRES_AT", false),
        new InstantColumn("MAIL_COPY", "RELEASED_AT", false), new InstantColumn("EMAIL_ACTION", "CREATED_AT", true),
        new InstantColumn("EMAIL_ACTION", "FINISHED_AT", false), new InstantColumn("ACTION_AUDIT", "ACTED_AT", true))
        .forEach(this::instantToMicros);
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
