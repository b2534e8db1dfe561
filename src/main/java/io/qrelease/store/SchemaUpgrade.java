package io.qrelease.store;

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
  }

  private void addMissingColumn(String table, String column, String definition) {
    Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME = ? AND COLUMN_NAME = ?", Integer.class, table, column);
    if (present == 0) {
      jdbc.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
    }
  }
}
