package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.selection;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dry runs preview an action without changing a copy; release-message acts on one message. */
class PreviewAndEmailEntityFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void quarantine() {
    bench = QuarantinedMail.imported(folder);
  }

  @Test
  void aDryRunAuditsWhatEachEntityWouldGetAndChangesNoCopy() {
    // given
    Path selection = selection(bench, "selection.csv", QuarantinedMail.row(INVOICE, "alice@contoso.com"),
        QuarantinedMail.row(QuarantinedMail.MALWARE, "erin@contoso.com"));
    List<Map<String, Object>> copiesBefore = copies();

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com", "--dry-run");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Dry run: no copy was changed. 1 copy would be released").contains("AdminOnly 1");
    assertThat(copies()).isEqualTo(copiesBefore);
    assertThat(bench.query("SELECT status, dry_run FROM email_action"))
        .containsExactly(Map.of("status", "DryRun", "dry_run", true));
    assertThat(bench.query("SELECT recipient, result, reason FROM action_audit ORDER BY recipient")).containsExactly(
        audited("alice@contoso.com", "Success", null), audited("erin@contoso.com", "Skipped", "AdminOnly"));
  }

  @Test
  void aRepeatedPreviewEvaluatesTheStoreAsItIsNowInsteadOfReplayingTheEarlierOne() {
    // given: a preview, then the release it previewed
    Path selection = selection(bench, "selection.csv", QuarantinedMail.row(INVOICE, "alice@contoso.com"));
    String[] preview = {"release", selection.toString(), "--operator", "analyst@contoso.com", "--dry-run"};
    CommandRun before = bench.run(preview);
    CommandRun release = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com");

    // when
    CommandRun after = bench.run(preview);

    // then
    assertThat(before.out()).contains("Its one entity would be released.");
    assertThat(release.exitCode()).as(release.toString()).isZero();
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).doesNotContain("completed earlier").contains("None would be released")
        .contains("AlreadyInDestination 1");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action WHERE dry_run")).isEqualTo(2);
  }

  @Test
  void aRepeatedPreviewOfAJobFileEvaluatesItsFilesAgain() {
    // given
    selection(bench, "exports/hunting-1.csv", QuarantinedMail.row(INVOICE, "alice@contoso.com"));
    Path job = bench.write("jobs/hunting.yml", """
        operator: analyst@contoso.com
        input: %s
        """.formatted(bench.folder().resolve("exports/hunting-*.csv")));
    CommandRun before = bench.run("run", job.toString(), "--dry-run");
    assertThat(bench.run("run", job.toString()).exitCode()).isZero();

    // when
    CommandRun after = bench.run("run", job.toString(), "--dry-run");

    // then
    assertThat(before.out()).contains("Its one entity would be released.");
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).doesNotContain("already released").contains("None would be released")
        .contains("1 previewed now");
  }

  @Test
  void aQuarantineExportGivenToReleaseIsRefusedUnlessEveryCopyInItIsMeant() {
    // given: the export the store was imported from, typed after release instead of import
    Path export = bench.folder().resolve("quarantine.csv");

    // when
    CommandRun refused = bench.run("release", export.toString(), "--operator", "secops-admin@contoso.com");
    CommandRun meant = bench.run("release", export.toString(), "--operator", "secops-admin@contoso.com",
        "--whole-quarantine-export");

    // then
    Screen.assertRefused(refused);
    assertThat(refused.err()).contains("is a quarantine export (Get-QuarantineMessage)").contains("'import'")
        .contains("--whole-quarantine-export");
    assertThat(meant.exitCode()).as(meant.toString()).isZero();
    assertThat(meant.out()).contains("Success 4");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action")).isEqualTo(1);
  }

  @Test
  void aSecurityReaderMayPreviewButNotRelease() {
    Path selection = selection(bench, "selection.csv", QuarantinedMail.row(INVOICE, "alice@contoso.com"));

    CommandRun release = bench.run("release", selection.toString(), "--operator", "auditor@contoso.com");
    CommandRun preview = bench.run("release", selection.toString(), "--operator", "auditor@contoso.com", "--dry-run");

    assertThat(release.exitCode()).isEqualTo(2);
    assertThat(release.err()).contains("may only preview; make it a dry run (--dry-run)");
    assertThat(preview.exitCode()).as(preview.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE location = 'Inbox'")).isZero();
  }

  @Test
  void releaseMessageReleasesEveryRecipientOfTheMessageAsAnEmailEntityAction() {
    // when
    CommandRun run = bench.run("release-message", NEWSLETTER.toUpperCase(), "--operator", "analyst@contoso.com");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT source, release_to FROM email_action"))
        .containsExactly(Map.of("source", "EmailEntity", "release_to", "all"));
    assertThat(bench.query("SELECT recipient, result, reason FROM action_audit ORDER BY recipient")).containsExactly(
        audited("bob@contoso.com", "Success", null), audited("carol@contoso.com", "Success", null));
    assertThat(bench.query("SELECT recipient, location, released_by FROM mail_copy WHERE network_message_id = ?"
        + " ORDER BY recipient", NEWSLETTER)).containsExactly(
        Map.of("recipient", "bob@contoso.com", "location", "Inbox", "released_by", "analyst@contoso.com"),
        Map.of("recipient", "carol@contoso.com", "location", "Inbox", "released_by", "analyst@contoso.com"));
  }

  @Test
  void releaseMessageToSomeRecipientsReleasesOnlyThoseOriginalRecipients() {
    CommandRun run = bench.run("release-message", NEWSLETTER, "--operator", "analyst@contoso.com",
        "--release-to", "carol@contoso.com,mallory@contoso.com");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT recipient, result, reason FROM action_audit ORDER BY recipient")).containsExactly(
        audited("carol@contoso.com", "Success", null), audited("mallory@contoso.com", "Skipped", "NotOriginalRecipient"));
    assertThat(bench.query("SELECT location FROM mail_copy WHERE recipient = 'bob@contoso.com'"))
        .containsExactly(Map.of("location", "Quarantine"));
  }

  @Test
  void releaseMessageRefusesSomethingThatIsNotAMessageId() {
    CommandRun run = bench.run("release-message", "not-a-guid", "--operator", "analyst@contoso.com");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not a network message id");
  }

  @Test
  void aDryRunOfOneMessageChangesNoCopy() {
    List<Map<String, Object>> copiesBefore = copies();

    CommandRun run = bench.run("release-message", NEWSLETTER, "--operator", "analyst@contoso.com", "--dry-run");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("All 2 would be released.");
    assertThat(copies()).isEqualTo(copiesBefore);
  }

  private List<Map<String, Object>> copies() {
    return bench.query("SELECT * FROM mail_copy ORDER BY network_message_id, recipient");
  }

  private static Map<String, Object> audited(String recipient, String result, String reason) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("recipient", recipient);
    row.put("result", result);
    row.put("reason", reason);
    return row;
  }
}
