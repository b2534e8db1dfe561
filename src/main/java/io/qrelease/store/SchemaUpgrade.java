package io.qrelease.store;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
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

  public SchemaUpgrade(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void afterPropertiesSet() {
    addMissingColumn("EMAIL_ACTION", "DRY_RUN", "BOOLEAN DEFAULT FALSE NOT NULL");
    addMissingColumn("EMAIL_ACTION", "ENTITIES", "BIGINT DEFAULT 0 NOT NULL");
    List.of("MAIL_COPY.RECEIVED_AT", "MAIL_COPY.EXPIRES_AT", "MAIL_COPY.RELEASED_AT", "EMAIL_ACTION.CREATED_AT",
        "EMAIL_ACTION.FINISHED_AT", "ACTION_AUDIT.ACTED_AT").forEach(this::instantToMicros);
  }

  /**
   * Stores kept instants as timestamps before they were kept as microseconds since the epoch: the
   * column is replaced by one holding the same instants, and keeps its name and NOT NULL.
   */
  private void instantToMicros(String tableAndColumn) {
    String table = tableAndColumn.substring(0, tableAndColumn.indexOf('.'));
    String column = tableAndColumn.substring(table.length() + 1);
    List<String> definition = jdbc.query("SELECT IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_NAME = ? AND COLUMN_NAME = ? AND DATA_TYPE LIKE 'TIMESTAMP%'",
        (rows, index) -> rows.getString(1), table, column);
    if (definition.isEmpty()) {
      return;
    }
    String micros = column + "_MICROS";
    jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + micros + " BIGINT");
    jdbc.execute("UPDATE " + table + " SET " + micros + " = DATEDIFF('microsecond', TIMESTAMP '1970-01-01 00:00:00+00:00', "
        + column + ")");
    jdbc.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
    jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + micros + " RENAME TO " + column);
    if (definition.get(0).equals("NO")) {
      jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
    }
  }

  private void addMissingColumn(String table, String column, String definition) {
    Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME = ? AND COLUMN_NAME = ?", Integer.class, table, column);
    if (present == 0) {
      jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
    }
  }
}
