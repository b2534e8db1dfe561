package io.qrelease.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A store in an HSQLDB file database of its own, in a folder of its own, on one connection, for
 * tests of the store's classes: registered as a test's extension, it is shut down and removed after
 * each test.
 */
public final class ScratchStore implements AfterEachCallback {

  private final Path folder;
  private final String url;
  private final SingleConnectionDataSource dataSource;
  private final JdbcTemplate jdbc;
  private final List<SingleConnectionDataSource> otherSessions = new ArrayList<>();

  private ScratchStore() {
    try {
      folder = Files.createTempDirectory("qrelease-store");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    url = "jdbc:hsqldb:file:" + folder.resolve("store") + ";hsqldb.tx=mvcc";
    dataSource = new SingleConnectionDataSource(url, "SA", "", true);
    jdbc = new JdbcTemplate(dataSource);
  }

  /** An empty database, for a test that creates the tables as an earlier version did. */
  public static ScratchStore empty() {
    return new ScratchStore();
  }

  /** A database with the current schema. */
  public static ScratchStore current() {
    ScratchStore store = new ScratchStore();
    store.createSchema();
    return store;
  }

  /** Runs the schema script, which leaves the tables that exist as they are. */
  public void createSchema() {
    new ResourceDatabasePopulator(new ClassPathResource("io/qrelease/store/schema-hsqldb.sql")).execute(dataSource);
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** Runs work in one transaction, as a chunk does. */
  public TransactionTemplate chunk() {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** A connection of its own to the same database, as another run writing beside the store would have. */
  public SingleConnectionDataSource anotherSession() {
    SingleConnectionDataSource other = new SingleConnectionDataSource(url, "SA", "", true);
    otherSessions.add(other);
    return other;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    otherSessions.forEach(SingleConnectionDataSource::destroy);
    jdbc.execute("SHUTDOWN");
    dataSource.destroy();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
