package io.qrelease.store;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shuts an embedded HSQLDB down before the pool closes: a database closed this way starts
 * again without replaying its log, and releases its lock for the next command at once.
 */
@Component
public class DatabaseShutdown implements DisposableBean {

  private final JdbcTemplate jdbc;

  public DatabaseShutdown(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void destroy() {
    String product = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName());
    if (product != null && product.startsWith("HSQL")) {
      jdbc.execute("SHUTDOWN");
    }
  }
}
