package io.qrelease.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.qrelease.store.SchemaUpgrade;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A scratch installation for a functional test: an HSQLDB file database and a tenant file in a
 * temporary folder, the command line pointed at them, and plain JDBC to check the tables after.
 */
public final class Workbench {

  public static final String TENANT = """
      acceptedDomains: [contoso.com]
      operators:
        - upn: secops-admin@contoso.com
          role: SecurityAdministrator
          scope: ["*"]
        - upn: analyst@contoso.com
          role: SecurityOperator
          scope: [contoso.com, ceo@fabrikam.com]
        - upn: auditor@contoso.com
          role: SecurityReader
          scope: ["*"]
      """;

  private final Path folder;

  public Workbench(Path folder) {
    this.folder = folder;
    write("tenant.yml", TENANT);
  }

  public Path folder() {
    return folder;
  }

  public String dbUrl() {
    return "jdbc:hsqldb:file:" + folder.resolve("db/qrelease");
  }

  public Path write(String name, String content) {
    Path file = folder.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Runs a command against this workbench's database and tenant file. */
  public CommandRun run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = dbUrl();
    all[args.length + 2] = "--tenant";
    all[args.length + 3] = folder.resolve("tenant.yml").toString();
    return CommandRun.of(all);
  }

  /** Creates the store's tables and Spring Batch's, as the first command on a new database does, and nothing else. */
  public void createEmptyStore() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(dbUrl() + ";shutdown=true", "SA", "");
    new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-hsqldb.sql"),
        new ClassPathResource("io/qrelease/store/schema-hsqldb.sql")).execute(dataSource);
    new SchemaUpgrade(new JdbcTemplate(dataSource), false).afterPropertiesSet();
  }

  /** An instant as the store keeps it in a column: microseconds since the epoch. */
  public static Instant storedInstant(Object micros) {
    return Instant.EPOCH.plus(((Number) micros).longValue(), ChronoUnit.MICROS);
  }

  /** Rows of a query, each as column label to value, read while no command holds the database. */
  public List<Map<String, Object>> query(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(dbUrl() + ";shutdown=true", "SA", "");
         var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
            row.put(result.getMetaData().getColumnLabel(column).toLowerCase(), result.getObject(column));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Changes the tables behind the commands' back, e.g. to age a record or plant a failing trigger. */
  public void execute(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(dbUrl() + ";shutdown=true", "SA", "");
         var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long count(String sql, Object... parameters) {
    return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
  }

  /** Every table a command may write, row by row: equal snapshots show a command wrote nothing. */
  public Map<String, List<Map<String, Object>>> snapshot() {
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    tables.put("mail_copy", query("SELECT * FROM mail_copy ORDER BY network_message_id, recipient"));
    tables.put("email_action", query("SELECT * FROM email_action ORDER BY action_id"));
    tables.put("action_audit", query("SELECT * FROM action_audit ORDER BY action_id, network_message_id, recipient"));
    tables.put("action_count", query("SELECT * FROM action_count ORDER BY action_id, result, reason"));
    tables.put("BATCH_JOB_EXECUTION", query("SELECT * FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"));
    tables.put("BATCH_STEP_EXECUTION", query("SELECT * FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID"));
    return tables;
  }
}
