package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.ShellWords;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command qrelease prints for a person to run carries the database and tenant file it was
 * given, quoted for the shell, so that it runs as printed: here in a folder whose name has spaces.
 */
class PrintedCommandsFunctionalTest {

  private static final Pattern RESTART = Pattern.compile("\\./run\\.sh restart [^,\\n]+");

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void storeInAFolderWithSpaces() {
    bench = QuarantinedMail.imported(folder.resolve("sec ops's store"));
  }

  @Test
  void theResumeHintOfAFailedRunNamesItsDatabaseAndTenantAndResumesThatRunAsPrinted() {
    // given: a run that fails on its second row
    bench.execute("CREATE TRIGGER fail_once BEFORE INSERT ON action_audit REFERENCING NEW ROW AS entity"
        + " FOR EACH ROW WHEN (entity.recipient = 'bob@contoso.com') SIGNAL SQLSTATE '45000'");
    Path selection = QuarantinedMail.selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"),
        row(NEWSLETTER, "bob@contoso.com"));
    CommandRun failed = bench.run("release", selection.toString(), "--operator", ANALYST);
    bench.execute("DROP TRIGGER fail_once");

    // when
    String hint = restartCommand(failed.err());
    CommandRun resumed = runAsPrinted(hint);

    // then
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(ShellWords.split(hint)).containsSequence("--db", bench.dbUrl())
        .containsSequence("--tenant", bench.folder().resolve("tenant.yml").toString());
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(2);
    assertThat(bench.count("SELECT COUNT(*) FROM email_action WHERE status = 'Completed'")).isEqualTo(1);
  }

  @Test
  void theResumeCommandThatExecutionsListsRunsAsPrinted() {
    // given
    bench.execute("CREATE TRIGGER fail_always BEFORE INSERT ON action_audit FOR EACH ROW SIGNAL SQLSTATE '45000'");
    Path selection = QuarantinedMail.selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"));
    assertThat(bench.run("release", selection.toString(), "--operator", ANALYST).exitCode()).isEqualTo(1);
    bench.execute("DROP TRIGGER fail_always");

    // when
    CommandRun executions = bench.run("executions");
    CommandRun resumed = runAsPrinted(restartCommand(executions.out()));

    // then
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM email_action WHERE status = 'Completed'")).isEqualTo(1);
  }

  @Test
  void theRestoreLinesOfABackupRunAsPrintedInAShell() throws Exception {
    // given: a backup, then a release made after it
    CommandRun backup = bench.run("backup");
    StoreSnapshot atBackup = StoreSnapshot.of(bench);
    QuarantinedMail.release(bench, ANALYST, "later.csv", row(INVOICE, "alice@contoso.com"));
    assertThat(StoreSnapshot.of(bench)).isNotEqualTo(atBackup);

    // when: the printed lines, as a shell runs them
    List<String> lines = backup.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList();
    Process shell = new ProcessBuilder("bash", "-euc", String.join("\n", lines)).redirectErrorStream(true).start();
    String printed = new String(shell.getInputStream().readAllBytes());

    // then
    assertThat(shell.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(shell.exitValue()).as(printed + backup).isZero();
    assertThat(lines).hasSize(2);
    assertThat(StoreSnapshot.of(bench)).isEqualTo(atBackup);
  }

  private static String restartCommand(String printed) {
    Matcher restart = RESTART.matcher(printed);
    assertThat(restart.find()).as(printed).isTrue();
    return restart.group().trim();
  }

  /** The words after ./run.sh, as the shell would pass them to qrelease. */
  private static CommandRun runAsPrinted(String command) {
    List<String> words = ShellWords.split(command);
    assertThat(words.get(0)).isEqualTo("./run.sh");
    return CommandRun.of(words.subList(1, words.size()).toArray(String[]::new));
  }
}
