package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.MALWARE;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup: a copy of the embedded database taken while it is open, which restores to the same copies and audit. */
class BackupFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void storeAfterARelease() {
    bench = QuarantinedMail.imported(folder.resolve("store"));
    QuarantinedMail.release(bench, ANALYST, "selection.csv", row(INVOICE, "alice@contoso.com"),
        row(MALWARE, "erin@contoso.com"));
  }

  @Test
  void aBackupRestoredIntoANewFolderHoldsTheSameCopiesActionsAndAuditRows() throws IOException {
    // given
    StoreSnapshot before = StoreSnapshot.of(bench);
    var actions = bench.query("SELECT * FROM email_action");

    // when
    CommandRun run = bench.run("backup");
    Path backup = onlyEntry(bench.folder().resolve("db/backups"));
    Workbench restored = restoredFrom(backup);

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Backed up", backup.toString(), "To restore it", "cp " + backup.resolve("qrelease.*"));
    assertThat(backup.getFileName().toString()).matches("qrelease-\\d{8}T\\d{6}Z");
    assertThat(StoreSnapshot.of(restored)).isEqualTo(before);
    assertThat(before.audit()).hasSize(2);
    assertThat(restored.query("SELECT * FROM email_action")).isEqualTo(actions);
  }

  @Test
  void theRestoredDatabaseServesTheCommandsAsTheOriginalDid() throws IOException {
    // given
    Path elsewhere = folder.resolve("offsite");
    CommandRun run = bench.run("backup", "--to", elsewhere.toString());
    Workbench restored = restoredFrom(onlyEntry(elsewhere));

    // when
    CommandRun original = bench.run("quarantine", "--json");
    CommandRun fromBackup = restored.run("quarantine", "--json");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(fromBackup.exitCode()).as(fromBackup.toString()).isZero();
    assertThat(fromBackup.out()).isEqualTo(original.out()).contains("\"releasedBy\" : \"" + ANALYST + "\"");
  }

  @Test
  void aDatabaseThatIsNotEmbeddedIsRefusedInOneLine() {
    // when
    CommandRun run = CommandRun.of("backup", "--db", "jdbc:hsqldb:hsql://127.0.0.1:1/qrelease",
        "--tenant", bench.folder().resolve("tenant.yml").toString());

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).contains("embedded database only", "pg_dump");
  }

  /** What the printed restore steps do: the backup's files copied into the folder of a database. */
  private Workbench restoredFrom(Path backup) throws IOException {
    Workbench restored = new Workbench(folder.resolve("restored"));
    Path databaseFolder = Files.createDirectories(restored.folder().resolve("db"));
    try (Stream<Path> files = Files.list(backup)) {
      for (Path file : files.toList()) {
        Files.copy(file, databaseFolder.resolve(file.getFileName()));
      }
    }
    return restored;
  }

  private static Path onlyEntry(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      List<Path> all = entries.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }
}
