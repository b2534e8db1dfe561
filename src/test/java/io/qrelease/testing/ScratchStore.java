package io.qrelease.testing;

import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A store in an HSQLDB file database of its own, on one connection, for tests of the store's classes. */
public final class ScratchStore implements AutoCloseable {

  private final SingleConnectionDataSource dataSource;
  private final JdbcTemplate jdbc;

  private ScratchStore(Path folder) {
    dataSource = new SingleConnectionDataSource(
        "jdbc:hsqldb:file:" + folder.resolve("store") + ";hsqldb.tx=mvcc", "SA", "", true);
    jdbc = new JdbcTemplate(dataSource);
  }

  /** An empty database, for a test that creates the tables as an earlier version did. */
  public static ScratchStore empty(Path folder) {
    return new ScratchStore(folder);
  }

  /** A database with the current schema. */
  public static ScratchStore current(Path folder) {
    ScratchStore store = new ScratchStore(folder);
    store.createSchema();
    return store;
  }

  /** Runs the schema script, which leaves the tables that exist as they are. */
  public void createSchema() {
    new ResourceDatabasePopulator(new ClassPathResource("io/qrelease/store/schema-hsqldb.sql")).execute(dataSource);
  }

  public SingleConnectionDataSource dataSource() {
    return dataSource;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    jdbc.execute("SHUTDOWN");
    dataSource.destroy();
  }
}
