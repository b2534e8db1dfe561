package io.qrelease.cli;

import io.qrelease.store.Database;
import io.qrelease.tenant.Tenant;
import io.qrelease.tenant.TenantFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command shares: which database and which tenant file. */
public class StoreOptions {

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Database (default: $QRELEASE_DB, else " + Database.DEFAULT_URL + ").")
  String db;

  static final String DEFAULT_TENANT = "jobs/tenant.yml";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--tenant", paramLabel = "FILE", defaultValue = DEFAULT_TENANT,
      description = "Tenant file with operators, roles and scopes (default: ${DEFAULT-VALUE}).")
  Path tenant;

  /** Where the command prints: picocli's writer, which whoever runs the command line chose. */
  PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** Where the command's errors and warnings go, after what it printed before them. */
  PrintWriter err() {
    out().flush();
    return command.commandLine().getErr();
  }

  /**
   * A qrelease command with the database and tenant file this one was given, so that it runs as
   * printed: a hint without them would act on the default database, and could resume another run.
   */
  String command(String... words) {
    StringBuilder command = new StringBuilder("./run.sh");
    for (String word : words) {
      command.append(' ').append(Shell.quote(word));
    }
    given().forEach(word -> command.append(' ').append(Shell.quote(word)));
    return command.toString();
  }

  /** The --db (or QRELEASE_DB) and --tenant in effect, as words of a command, when they are not the defaults. */
  List<String> given() {
    List<String> words = new ArrayList<>();
    String given = db != null && !db.isBlank() ? db : System.getenv("QRELEASE_DB");
    if (given != null && !given.isBlank()) {
      words.addAll(List.of("--db", given.trim()));
    }
    if (!tenant.equals(Path.of(DEFAULT_TENANT))) {
      words.addAll(List.of("--tenant", tenant.toString()));
    }
    return words;
  }

  Database database() {
    try {
      return Database.resolve(db);
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage(), e);
    }
  }

  /**
   * The database a command that only reads needs: such a command never creates one, which would
   * leave an empty store wherever it was run from by mistake.
   */
  Database existingDatabase() {
    Database database = database();
    if (!database.exists()) {
      throw new Refusal("There is no database at " + database.name() + " yet; fill one with "
          + command("import", "FILE") + ", or name another with --db.");
    }
    return database;
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

  void printWarnings(Path file, Tenant tenant) {
    tenant.warnings().forEach(warning -> err().println(file + ": " + warning));
  }
}
