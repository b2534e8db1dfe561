package io.qrelease.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the store lives. A plain HSQLDB file URL gets the settings the jobs rely on: MVCC so
 * readers never block a chunk, CACHED tables so a store larger than the heap works, and a clean
 * shutdown when the last connection closes so the next start need not replay the log.
 */
public record Database(String url, Path dataDir) {

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
      return new Database(url, Path.of("data"));
    }
    String[] parts = url.split(";");
    Path file = Path.of(parts[0].substring(HSQLDB_FILE.length()));
    StringBuilder complete = new StringBuilder(url);
    HSQLDB_SETTINGS.forEach((key, value) -> {
      if (!url.contains(";" + key + "=")) {
        complete.append(';').append(key).append('=').append(value);
      }
    });
    Path parent = file.toAbsolutePath().getParent();
    return new Database(complete.toString(), parent);
  }

  public Path logFile() {
    return dataDir.resolve("logs").resolve("qrelease.log");
  }

  public boolean embedded() {
    return url.startsWith(HSQLDB_FILE);
  }

  public Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url);
    properties.put("qrelease.data-dir", dataDir.toString());
    return properties;
  }
}
