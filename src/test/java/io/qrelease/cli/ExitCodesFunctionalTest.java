package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.MALWARE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.UNKNOWN;
import static io.qrelease.cli.QuarantinedMail.row;
import static io.qrelease.cli.QuarantinedMail.selection;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.HeldDatabase;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes of SPEC §5, and that a refused command writes nothing and says what to do in one line. */
class ExitCodesFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;
  Path selection;
  Map<String, List<Map<String, Object>>> before;

  @BeforeEach
  void storeWithQuarantinedMail() {
    bench = QuarantinedMail.imported(folder);
    selection = selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"));
    before = bench.snapshot();
  }

  @Test
  void aReleaseWhoseRowsAreOnlySkippedByTheRulesExitsZero() {
    // given
    Path skipped = selection(bench, "skipped.csv", row(INVOICE, "alice@contoso.com"),
        row(MALWARE, "erin@contoso.com"), row(UNKNOWN, "alice@contoso.com"), row(NEWSLETTER, "bob@fabrikam.com"));

    // when
    CommandRun run = bench.run("release", skipped.toString(), "--operator", ANALYST);

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(bench.query("SELECT result, reason FROM action_audit ORDER BY line_number").stream()
        .map(audit -> audit.get("result") + " " + audit.get("reason")))
        .containsExactly("Success null", "Skipped AdminOnly", "Skipped NotFound", "Skipped NotFound");
  }

  @Test
  void aReleaseWithAnInvalidRowCompletesAndExitsThree() {
    // given
    Path withInvalidRow = selection(bench, "invalid.csv", row(INVOICE, "alice@contoso.com"), row("not-a-guid", "bob@contoso.com"));

    // when
    CommandRun run = bench.run("release", withInvalidRow.toString(), "--operator", ANALYST);

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(bench.query("SELECT status, exit_code FROM email_action"))
        .containsExactly(Map.of("status", "Completed", "exit_code", 3));
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE network_message_id = ? AND location = 'Inbox'", INVOICE))
        .isEqualTo(1);
  }

  @Test
  void anUnknownOptionIsRefusedWithUsage() {
    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST, "--colour", "blue");

    assertRefused(run, "--colour", "--help");
  }

  @Test
  void aMissingRequiredOptionIsRefusedWithUsage() {
    CommandRun run = bench.run("release", selection.toString());

    assertRefused(run, "--operator", "--help");
  }

  @Test
  void anOperatorNotInTheTenantFileIsRefused() {
    CommandRun run = bench.run("release", selection.toString(), "--operator", "mallory@contoso.com");

    assertRefused(run, "mallory@contoso.com");
  }

  @Test
  void aSecurityReaderMayNotRelease() {
    CommandRun run = bench.run("release", selection.toString(), "--operator", "auditor@contoso.com");

    assertRefused(run, "SecurityReader");
  }

  @Test
  void aMissingInputFileIsRefused() {
    CommandRun run = bench.run("release", folder.resolve("nowhere.csv").toString(), "--operator", ANALYST);

    assertRefused(run, "nowhere.csv");
  }

  @Test
  void aFileWithoutTheRecipientColumnIsRefusedNamingTheColumn() {
    Path noRecipient = bench.write("no-recipient.csv", "NetworkMessageId,Subject\n" + INVOICE + ",Invoice\n");

    CommandRun run = bench.run("release", noRecipient.toString(), "--operator", ANALYST);

    assertRefused(run, "recipient", "RecipientEmailAddress");
  }

  @Test
  void anInvalidReleaseToListIsRefused() {
    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST,
        "--release-to", "bob@contoso.com,not-an-address");

    assertRefused(run, "--release-to", "not-an-address");
  }

  @Test
  void anUnknownActionIsRefused() {
    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST, "--action", "delete");

    assertRefused(run, "delete", "move-to-inbox");
  }

  @Test
  void aBrokenTenantFileIsRefused() {
    bench.write("tenant.yml", "operators:\n  - upn: analyst@contoso.com\n    role: [SecurityOperator\n");

    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST);

    assertRefused(run, "tenant.yml");
  }

  @Test
  void aSummaryJsonThatCannotBeWrittenIsRefusedBeforeTheReleaseStarts() {
    Path underAFile = selection.resolve("summary.json");

    CommandRun run = bench.run("release", selection.toString(), "--operator", ANALYST, "--summary-json", underAFile.toString());

    assertRefused(run, "--summary-json");
  }

  @Test
  void aDatabaseHeldByAnotherProcessIsRefused() throws Exception {
    // given
    CommandRun run;
    try (HeldDatabase held = HeldDatabase.byAnotherProcess(bench.dbUrl())) {
      // when
      run = bench.run("release", selection.toString(), "--operator", ANALYST);
    }

    // then
    assertRefused(run, "in use by another qrelease run");
  }

  /** Exit 2, one line on stderr that says what to do, no stack trace, and not one row written. */
  private void assertRefused(CommandRun run, String... mentions) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).hasSize(1);
    assertThat(run.err()).contains(mentions).doesNotContain("\tat ", "Exception");
    assertThat(run.out()).doesNotContain("\tat ", "Exception");
    assertThat(bench.snapshot()).isEqualTo(before);
  }
}
