package io.qrelease.cli;

import io.qrelease.jobs.ExitCode;
import io.qrelease.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Backs up the embedded database without shutting it down: a consistent copy of its files in a new"
        + " folder named after the database and the time (UTC), under backups/ beside the database unless --to says"
        + " where, and prints how to restore it.")
class BackupCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

  @Mixin
  StoreOptions store;

  @Option(names = "--to", paramLabel = "DIR",
      description = "The folder to put the backup in (default: backups/ beside the database).")
  Path to;

  @Override
  public Integer call() {
    Database database = store.existingDatabase();
    Path file = database.embeddedFile().orElseThrow(() -> new Refusal("The backup command copies the embedded"
        + " database only; back up " + database.name() + " with its own tools, such as pg_dump for PostgreSQL."));
    Path folder = (to == null ? database.dataDir().resolve("backups") : to).toAbsolutePath().normalize();
    Path backup = folder.resolve(file.getFileName() + "-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
    refuseUnwritable(folder, backup);
    try (Workspace workspace = Workspace.open(database, store.out())) {
      // BLOCKING rather than NOT BLOCKING: the embedded database admits one process, this one, so nothing waits on
      // it, and the copy is checkpointed first: the plain files of a database that opens as it is, without the
      // .backup and .log files a hot backup carries and replays. AS FILES keeps HSQLDB from writing a progress
      // line per file to the terminal, as its tar archives do, and restoring is a copy.
      workspace.bean(JdbcTemplate.class).execute("BACKUP DATABASE TO '" + backup.toString().replace("'", "''")
          + "/' BLOCKING AS FILES");
    }
    Path databaseFolder = file.getParent();
    Path replaced = databaseFolder.resolve("replaced-by-" + backup.getFileName());
    store.out().println("Backed up " + database.name() + " to " + backup);
    store.out().println("To restore it, with no qrelease command running, set the database's files aside and copy"
        + " the backup's in:");
    // The pattern's star stays outside the quotes, where the shell expands it.
    store.out().println("  mkdir " + Shell.quote(replaced) + " && mv "
        + Shell.quote(databaseFolder.resolve(file.getFileName())) + ".* " + Shell.quote(replaced));
    store.out().println("  cp " + Shell.quote(backup.resolve(file.getFileName())) + ".* " + Shell.quote(databaseFolder));
    return ExitCode.COMPLETED.code();
  }

  /** Found out by HSQLDB, a folder that cannot be written would be an error with a stack trace in the log. */
  private static void refuseUnwritable(Path folder, Path backup) {
    if (Files.exists(backup)) {
      throw new Refusal(backup + " already exists; wait a second and run backup again, or pass --to another folder.");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new Refusal("Cannot create " + folder + " (" + e.getMessage() + "); pass --to a folder you can write to.",
          e);
    }
    if (!Files.isWritable(folder)) {
      throw new Refusal("Cannot write to " + folder + "; pass --to a folder you can write to.");
    }
  }
}
