package io.qrelease.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How soon a commit reaches the disk. HSQLDB keeps up to 16 KB of its log in the process and writes
 * it every half second: kill -9 loses the commits of that moment, which a resumed run then does
 * again. That costs nothing where doing again changes nothing; but a batch sent to a tenant since
 * must not be sent again, so while a release sends, every commit is written and synced as it is
 * made. Other databases sync every commit already.
 */
@Repository
public class CommitDurability {

  private static final String DELAY = "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
      + " WHERE PROPERTY_NAME = 'hsqldb.write_delay_millis'";

  private final JdbcTemplate jdbc;

  public CommitDurability(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Has every commit synced from now on; returns how to set the database back as it was. */
  public Runnable syncEveryCommit() {
    if (!hsqldb()) {
      return () -> { };
    }
    String delay = jdbc.queryForObject(DELAY, String.class);
    jdbc.execute("SET FILES WRITE DELAY FALSE");
    return () -> jdbc.execute("SET FILES WRITE DELAY " + Integer.parseInt(delay) + " MILLIS");
  }

  private boolean hsqldb() {
    return Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
      try {
        return connection.getMetaData().getDatabaseProductName().startsWith("HSQL");
      } catch (SQLException unknown) {
        return false;
      }
    }));
  }
}
