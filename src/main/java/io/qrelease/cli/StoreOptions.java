package io.qrelease.cli;

import io.qrelease.store.Database;
import io.qrelease.tenant.Tenant;
import io.qrelease.tenant.TenantFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares: which database and which tenant file. */
public class StoreOptions {

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Database (default: $QRELEASE_DB, else " + Database.DEFAULT_URL + ").")
  String db;

  static final String DEFAULT_TENANT = "jobs/tenant.yml";

  @Option(names = "--tenant", paramLabel = "FILE", defaultValue = DEFAULT_TENANT,
      description = "Tenant file with operators, roles and scopes (default: ${DEFAULT-VALUE}).")
  Path tenant;

  /**
   * A qrelease command with the database and tenant file this one was given, so that it runs as
   * printed: a hint without them would act on the default database, and could resume another run.
   */
  String command(String... words) {
    StringBuilder command = new StringBuilder("./run.sh");
    for (String word : words) {
      command.append(' ').append(Shell.quote(word));
    }
    String given = db != null && !db.isBlank() ? db : System.getenv("QRELEASE_DB");
    if (given != null && !given.isBlank()) {
      command.append(" --db ").append(Shell.quote(given.trim()));
    }
    if (!tenant.equals(Path.of(DEFAULT_TENANT))) {
      command.append(" --tenant ").append(Shell.quote(tenant));
    }
    return command.toString();
  }

  Database database() {
    return Database.resolve(db);
  }

  Tenant loadTenant() {
    try {
      return Tenant.load(tenant);
    } catch (TenantFileException e) {
      throw new Refusal(e.getMessage(), e);
    }
  }
}
