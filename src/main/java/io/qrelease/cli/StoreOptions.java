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

  Database database() {
    return Database.resolve(db);
  }

  private Tenant loaded;

  /**
   * The tenant file, read once per command. Its warnings go to stderr when it is read: they stop
   * nothing, but a misspelt scope domain would otherwise show only as OutOfScope entities.
   */
  Tenant loadTenant() {
    if (loaded == null) {
      try {
        loaded = Tenant.load(tenant);
      } catch (TenantFileException e) {
        throw new Refusal(e.getMessage(), e);
      }
      printWarnings(tenant, loaded);
    }
    return loaded;
  }

  static void printWarnings(Path file, Tenant tenant) {
    tenant.warnings().forEach(warning -> System.err.println(file + ": " + warning));
  }
}
