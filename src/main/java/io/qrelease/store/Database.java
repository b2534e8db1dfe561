package io.qrelease.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the store lives. A plain HSQLDB file URL gets the settings the jobs rely on: MVCC so
 * readers never block a chunk, CACHED tables so a store larger than the heap works, and a clean
 * shutdown when the last connection closes so the next start need not replay the log.
 *
 * @param file the embedded database's files, without extension; null for a server database
 * @param reader the account of a command reading the embedded database through the run that holds it,
 *     which opens no files of its own; null for the database's own account
 */
public record Database(String url, Path file, Path dataDir, ReadingServer.Account reader) {

  public static final String DEFAULT_URL = "jdbc:hsqldb:file:./data/qrelease";
  private static final String HSQLDB_FILE = "jdbc:hsqldb:file:";
  private static final String USER = "SA";
  private static final String PASSWORD = "";
  private static final Map<String, String> HSQLDB_SETTINGS = Map.of(
      "hsqldb.tx", "mvcc",
      "hsqldb.default_table_type", "cached",
      "shutdown", "true");

  /**
   * The database named by the option, else by QRELEASE_DB, else the embedded default.
   *
   * @throws IllegalArgumentException naming where the URL came from, for a URL qrelease cannot use
   */
  public static Database resolve(String option) {
    if (option != null && !option.isBlank()) {
      return of(option.trim(), "--db");
    }
    String environment = System.getenv("QRELEASE_DB");
    return environment != null && !environment.isBlank() ? of(environment.trim(), "QRELEASE_DB") : of(DEFAULT_URL);
  }

  /** The database at this URL; for a URL that cannot be used, see {@link #resolve}. */
  public static Database of(String url) {
    return of(url, "the database URL");
  }

  private static Database of(String url, String origin) {
    refuseUnusable(url, origin);
    if (!url.startsWith(HSQLDB_FILE)) {
      return new Database(url, null, Path.of("data"), null);
    }
    Path file = Path.of(url.split(";")[0].substring(HSQLDB_FILE.length())).toAbsolutePath().normalize();
    StringBuilder complete = new StringBuilder(url);
    HSQLDB_SETTINGS.forEach((key, value) -> {
      if (!url.contains(";" + key + "=")) {
        complete.append(';').append(key).append('=').append(value);
      }
    });
    return new Database(complete.toString(), file, file.getParent(), null);
  }

  /**
   * The embedded database as the run that holds it serves it to commands that only read, if one
   * does: the same store, its files and logs where they are, through that run's server on loopback.
   */
  public Optional<Database> servedForReading() {
    return embeddedFile().flatMap(ReadingServer::account)
        .map(account -> new Database(account.url(), file, dataDir, account));
  }

  public Optional<Path> embeddedFile() {
    return Optional.ofNullable(reader == null ? file : null);
  }

  /**
   * What this version keeps its store in: HSQLDB, as files beside the command (the embedded
   * database) or on an HSQLDB server. A path typed where the URL belongs, another product's URL or
   * a database in memory, which would forget everything when the command ends, are refused before
   * anything opens them.
   */
  private static void refuseUnusable(String url, String origin) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:")) {
      throw new IllegalArgumentException(origin + " '" + url + "' is not a JDBC URL; for a database kept in files"
          + " there, give " + HSQLDB_FILE + url + ".");
    }
    if (!lower.startsWith("jdbc:hsqldb:")) {
      throw new IllegalArgumentException(origin + " '" + url + "' names a database this version of qrelease cannot"
          + " use; give an HSQLDB URL such as " + HSQLDB_FILE + "./data/qrelease.");
    }
    if (lower.startsWith("jdbc:hsqldb:mem:") || lower.startsWith("jdbc:hsqldb:res:")) {
      throw new IllegalArgumentException(origin + " '" + url + "' is a database that would be gone when the command"
          + " ends; give one kept in files, such as " + HSQLDB_FILE + "./data/qrelease.");
    }
    if (lower.startsWith(HSQLDB_FILE) && url.split(";")[0].length() == HSQLDB_FILE.length()) {
      throw new IllegalArgumentException(origin + " '" + url + "' names no file; give the database's path after "
          + HSQLDB_FILE + ", such as " + HSQLDB_FILE + "./data/qrelease.");
    }
  }

  /** The URL without its settings, to name the database to a person. */
  public String name() {
    return url.split(";")[0];
  }

  /**
   * The embedded database's own name (its files' name without extension), which the files written
   * beside it carry so that two databases in one folder keep theirs apart; "qrelease" for a server.
   */
  public String storeName() {
    return file == null ? "qrelease" : file.getFileName().toString();
  }

  /** A database read through the run that holds it, which commands may read and not change. */
  public boolean readOnly() {
    return reader != null;
  }

  /** Whether there is a database to read: a server is taken to have one, an embedded database has its files. */
  public boolean exists() {
    return file == null || Files.exists(file.resolveSibling(file.getFileName() + ".properties"))
        || Files.exists(file.resolveSibling(file.getFileName() + ".script"));
  }

  public Path logFile() {
    return dataDir.resolve("logs").resolve(storeName() + ".log");
  }

  /**
   * The application's settings for this database, which take precedence over application.properties:
   * a reader must not run the schema scripts it runs.
   */
  public Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", reader == null ? USER : reader.user());
    properties.put("spring.datasource.password", reader == null ? PASSWORD : reader.password());
    if (reader != null) {
      // The tables are there, and the reader's account could not create them.
      properties.put("spring.sql.init.mode", "never");
      properties.put("spring.batch.jdbc.initialize-schema", "never");
      properties.put("qrelease.read-only", "true");
    }
    properties.put("qrelease.data-dir", dataDir.toString());
    properties.put("qrelease.store-name", storeName());
    return properties;
  }
}
