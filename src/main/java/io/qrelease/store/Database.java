package io.qrelease.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

  public Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url);
    properties.put("qrelease.data-dir", dataDir.toString());
    return properties;
  }
}
