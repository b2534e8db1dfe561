package io.qrelease.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A store in an HSQLDB file database of its own, on one connection, for tests of the store's classes. */
public final class ScratchStore implements AutoCloseable {

  private final String url;
  private final SingleConnectionDataSource dataSource;
  private final JdbcTemplate jdbc;
  private final List<SingleConnectionDataSource> otherSessions = new ArrayList<>();

  private ScratchStore(Path folder) {
    url = "jdbc:hsqldb:file:" + folder.resolve("store") + ";hsqldb.tx=mvcc";
    dataSource = new SingleConnectionDataSource(url, "SA", "", true);
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

  /** A connection of its own to the same database, as another run writing beside the store would have. */
  public SingleConnectionDataSource anotherSession() {
    SingleConnectionDataSource other = new SingleConnectionDataSource(url, "SA", "", true);
    otherSessions.add(other);
    return other;
  }

  @Override
  public void close() {
    otherSessions.forEach(SingleConnectionDataSource::destroy);
    jdbc.execute("SHUTDOWN");
    dataSource.destroy();
  }
}
