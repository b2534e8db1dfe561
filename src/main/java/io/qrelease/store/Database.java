package io.qrelease.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the store lives. A plain HSQLDB file URL gets the settings the jobs rely on: MVCC so
 * readers never block a chunk, CACHED tables so a store larger than the heap works, and a clean
 * shutdown when the last connection closes so the next start need not replay the log.
 *
 * @param file the embedded database's files, without extension; null for a server database
 */
public record Database(String url, Path file, Path dataDir) {

  public static final String DEFAULT_URL = "jdbc:hsqldb:file:./data/qrelease";
  private static final String HSQLDB_FILE = "jdbc:hsqldb:file:";
  private static final String USER = "SA";
  private static final String PASSWORD = "";
  private static final Map<String, String> HSQLDB_SETTINGS = Map.of(
      "hsqldb.tx", "mvcc",
      "hsqldb.default_table_type", "cached",
      "shutdown", "true");

  /** The database named by the option, else by QRELEASE_DB, else the embedded default. */
  public static Database resolve(String option) {
    String given = option != null && !option.isBlank() ? option : System.getenv("QRELEASE_DB");
    return of(given != null && !given.isBlank() ? given.trim() : DEFAULT_URL);
  }

  public static Database of(String url) {
    if (!url.startsWith(HSQLDB_FILE)) {
      return new Database(url, null, Path.of("data"));
    }
    Path file = Path.of(url.split(";")[0].substring(HSQLDB_FILE.length())).toAbsolutePath().normalize();
    StringBuilder complete = new StringBuilder(url);
    HSQLDB_SETTINGS.forEach((key, value) -> {
      if (!url.contains(";" + key + "=")) {
        complete.append(';').append(key).append('=').append(value);
      }
    });
    return new Database(complete.toString(), file, file.getParent());
  }

  public Optional<Path> embeddedFile() {
    return Optional.ofNullable(file);
  }

  /** The URL without its settings, to name the database to a person. */
  public String name() {
    return url.split(";")[0];
  }

  public Path logFile() {
    return dataDir.resolve("logs").resolve("qrelease.log");
  }

  /**
   * Starts opening an embedded database on a thread of its own, for a command to do while the
   * application starts: HSQLDB keeps a database open while a connection holds it, so the
   * application's pool finds it open. Opening flushes the memory-mapped data file to disk 16 MB at
   * a time, which took a third of a second for a store of a million copies on a disk that waits
   * for each flush. A server database is left to the pool, and so is reporting a failure to open.
   */
  public Ahead openAhead() {
    if (file == null) {
      return new Ahead(CompletableFuture.completedFuture(null));
    }
    CompletableFuture<Connection> opening = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        opening.complete(DriverManager.getConnection(url, USER, PASSWORD));
      } catch (SQLException | RuntimeException e) {
        opening.complete(null);
      }
    }, "store-open");
    opener.setDaemon(true);
    opener.start();
    return new Ahead(opening);
  }

  /** A database opened ahead: closing lets go of it, once the application's pool holds it too. */
  public record Ahead(CompletableFuture<Connection> opening) implements AutoCloseable {

    @Override
    public void close() {
      try (Connection connection = opening.join()) {
        // Only letting go: the pool's connections keep the database open, or shut it down with the last.
      } catch (SQLException e) {
        // The pool holds the database either way.
      }
    }
  }

  public Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", USER);
    properties.put("spring.datasource.password", PASSWORD);
    properties.put("qrelease.data-dir", dataDir.toString());
    return properties;
  }
}
