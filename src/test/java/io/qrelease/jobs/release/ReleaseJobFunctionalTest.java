package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.AuditCounts;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release job run end to end through the command line on a real HSQLDB file database. */
class ReleaseJobFunctionalTest {

  static final String M1 = "11111111-1111-1111-1111-111111111111";
  static final String M2 = "22222222-2222-2222-2222-222222222222";
  static final String M3 = "33333333-3333-3333-3333-333333333333";
  static final String M4 = "44444444-4444-4444-4444-444444444444";
  static final String M5 = "55555555-5555-5555-5555-555555555555";
  static final String M6 = "66666666-6666-6666-6666-666666666666";
  static final String M7 = "77777777-7777-7777-7777-777777777777";
  static final String M8 = "88888888-8888-8888-8888-888888888888";
  static final String UNKNOWN = "99999999-9999-9999-9999-999999999999";

  /** One quarantined copy per rule, plus a message with three recipients. */
  static final String QUARANTINE = """
      Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires,ReceivedTime
      %1$s\\aaaaaaaa-0000-0000-0000-000000000001,alice@contoso.com;bob@contoso.com;ceo@fabrikam.com,news@partner.example,Quarterly newsletter,Spam,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      %2$s\\aaaaaaaa-0000-0000-0000-000000000002,carol@contoso.com,billing@partner.example,Invoice,Phish,RELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      %3$s\\aaaaaaaa-0000-0000-0000-000000000003,dave@contoso.com,old@partner.example,Old offer,Bulk,NOTRELEASED,2020-01-01T00:00:00Z,2019-12-01T08:00:00Z
      %4$s\\aaaaaaaa-0000-0000-0000-000000000004,erin@contoso.com,scan@partner.example,Scanned document,Malware,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      %5$s\\aaaaaaaa-0000-0000-0000-000000000005,heidi@fabrikam.com,hr@partner.example,Offer letter,Spam,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      """.formatted(M1, M2, M3, M4, M5);

  static final String EVENTS = """
      Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,Subject,DeliveryLocation,LatestDeliveryLocation
      2026-11-01T08:00:00Z,%1$s,frank@contoso.com,team@partner.example,Lunch,Junk folder,Junk folder
      2026-11-01T08:00:00Z,%2$s,grace@contoso.com,team@partner.example,Minutes,Inbox/folder,Inbox/folder
      2026-11-01T08:00:00Z,%3$s,ivan@contoso.com,team@partner.example,Bounce,Failed,Failed
      """.formatted(M6, M7, M8);

  /** A row for every rule, in an order that the first matching rule decides. */
  static final String EVERY_RULE = """
      NetworkMessageId,RecipientEmailAddress,Timestamp
      not-a-guid,alice@contoso.com,2026-11-01T08:00:00Z
      %1$s,nobody@contoso.com,2026-11-01T08:00:00Z
      %9$s,alice@contoso.com,2026-11-01T08:00:00Z
      %5$s,heidi@fabrikam.com,2026-11-01T08:00:00Z
      %7$s,grace@contoso.com,2026-11-01T08:00:00Z
      %2$s,carol@contoso.com,2026-11-01T08:00:00Z
      %8$s,ivan@contoso.com,2026-11-01T08:00:00Z
      %3$s,dave@contoso.com,2026-11-01T08:00:00Z
      %4$s,erin@contoso.com,2026-11-01T08:00:00Z
      %1$s,alice@contoso.com,2026-11-01T08:00:00Z
      %6$s,frank@contoso.com,2026-11-01T08:00:00Z
      """.formatted(M1, M2, M3, M4, M5, M6, M7, M8, UNKNOWN);

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void storeWithOneCopyPerRule() {
    bench = new Workbench(folder);
    assertThat(bench.run("import", bench.write("quarantine.csv", QUARANTINE).toString()).exitCode()).isZero();
    assertThat(bench.run("import", bench.write("events.csv", EVENTS).toString()).exitCode()).isZero();
  }

  @Test
  void everyEntityGetsOneAuditRowWithTheResultOfTheFirstMatchingRule() {
    // given
    Path selection = bench.write("hunting.csv", EVERY_RULE);

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com");

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(audit()).containsExactly(
        "not-a-guid alice@contoso.com Skipped InvalidRow 2",
        M1 + " nobody@contoso.com Skipped NotFound 3",
        UNKNOWN + " alice@contoso.com Skipped NotFound 4",
        M5 + " heidi@fabrikam.com Skipped OutOfScope 5",
        M7 + " grace@contoso.com AlreadyInDestination - 6",
        M2 + " carol@contoso.com AlreadyInDestination - 7",
        M8 + " ivan@contoso.com Skipped Undeliverable 8",
        M3 + " dave@contoso.com Skipped Expired 9",
        M4 + " erin@contoso.com Skipped AdminOnly 10",
        M1 + " alice@contoso.com Success - 11",
        M6 + " frank@contoso.com Success - 12");
    assertThat(bench.query("SELECT location, release_status, released_by FROM mail_copy"
        + " WHERE network_message_id = ? AND recipient = 'alice@contoso.com'", M1))
        .containsExactly(Map.of("location", "Inbox", "release_status", "Released", "released_by", "analyst@contoso.com"));
    assertThat(bench.query("SELECT location, release_status FROM mail_copy WHERE network_message_id = ?", M6).get(0))
        .containsEntry("location", "Inbox").containsEntry("release_status", null);
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE network_message_id = ? AND location = 'Quarantine'", M1))
        .isEqualTo(2);
  }

  @Test
  void aFinishedActionKeepsTheCountsOfItsAuditRowsPerResultAndReason() {
    // given: a selection with a row for every rule
    Path selection = bench.write("hunting.csv", EVERY_RULE);

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com");

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(AuditCounts.kept(bench)).isEqualTo(AuditCounts.counted(bench))
        .extracting(row -> row.get("result") + "/" + row.get("reason") + " " + row.get("entities"))
        .containsExactlyInAnyOrder("AlreadyInDestination/null 2", "Skipped/AdminOnly 1", "Skipped/Expired 1",
            "Skipped/InvalidRow 1", "Skipped/NotFound 2", "Skipped/OutOfScope 1", "Skipped/Undeliverable 1",
            "Success/null 2");
  }

  @Test
  void releaseActionSkipsCopiesThatAreNotQuarantined() {
    // given
    Path selection = bench.write("selection.csv", "NetworkMessageId,RecipientEmailAddress\n" + M6 + ",frank@contoso.com\n");

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com", "--action", "release");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(audit()).containsExactly(M6 + " frank@contoso.com Skipped NotQuarantined 2");
    assertThat(bench.query("SELECT location FROM mail_copy WHERE network_message_id = ?", M6).get(0))
        .containsEntry("location", "JunkFolder");
  }

  @Test
  void anAdministratorReleasesAdminOnlyTypes() {
    Path selection = bench.write("selection.csv", "NetworkMessageId,RecipientEmailAddress\n" + M4 + ",erin@contoso.com\n");

    CommandRun run = bench.run("release", selection.toString(), "--operator", "secops-admin@contoso.com");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(audit()).containsExactly(M4 + " erin@contoso.com Success - 2");
  }

  @Test
  void aBlankRecipientReleasesEveryRecipientInScope() {
    Path selection = bench.write("selection.csv", "NetworkMessageId,RecipientEmailAddress\n" + M1 + ",\n");

    CommandRun run = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(audit()).containsExactlyInAnyOrder(
        M1 + " alice@contoso.com Success - 2",
        M1 + " bob@contoso.com Success - 2",
        M1 + " ceo@fabrikam.com Success - 2");
  }

  @Test
  void releaseToAllReleasesEveryRecipientOfTheSelectedMessage() {
    Path selection = bench.write("selection.csv", "NetworkMessageId,RecipientEmailAddress\n" + M1 + ",alice@contoso.com\n");

    CommandRun run = bench.run("release", selection.toString(), "--operator", "secops-admin@contoso.com",
        "--release-to", "all");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(audit()).containsExactlyInAnyOrder(
        M1 + " alice@contoso.com Success - 2",
        M1 + " bob@contoso.com Success - 2",
        M1 + " ceo@fabrikam.com Success - 2");
  }

  @Test
  void releaseToAListReleasesOnlyThoseOriginalRecipients() {
    Path selection = bench.write("selection.csv", "NetworkMessageId,RecipientEmailAddress\n" + M1 + ",alice@contoso.com\n");

    CommandRun run = bench.run("release", selection.toString(), "--operator", "secops-admin@contoso.com",
        "--release-to", "bob@contoso.com,mallory@contoso.com");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(audit()).containsExactlyInAnyOrder(
        M1 + " bob@contoso.com Success - 2",
        M1 + " mallory@contoso.com Skipped NotOriginalRecipient 2");
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE network_message_id = ? AND location = 'Inbox'", M1))
        .isEqualTo(1);
  }

  @Test
  void duplicateRowsCollapseToOneAuditRowEvenAcrossChunks() {
    // given: more rows than a chunk, the same entity at the start and at the end
    StringBuilder rows = new StringBuilder("NetworkMessageId,RecipientEmailAddress\n");
    rows.append(M1).append(",alice@contoso.com\n");
    for (int i = 0; i < 1500; i++) {
      rows.append(String.format("%08x-0000-4000-8000-000000000000", i)).append(",someone@contoso.com\n");
    }
    rows.append(M1).append(",ALICE@contoso.com\n");
    rows.append(M1).append(",alice@contoso.com\n");
    Path selection = bench.write("selection.csv", rows.toString());

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", "analyst@contoso.com",
        "--summary-json", folder.resolve("summary.json").toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE network_message_id = ?", M1)).isEqualTo(1);
    assertThat(bench.query("SELECT result, line_number FROM action_audit WHERE network_message_id = ?", M1))
        .containsExactly(Map.of("result", "Success", "line_number", 2L));
    assertThat(bench.query("SELECT rows_read, duplicate_rows FROM email_action"))
        .containsExactly(Map.of("rows_read", 1503L, "duplicate_rows", 2L));
  }

  private List<String> audit() {
    return bench.query("SELECT network_message_id, recipient, result, reason, line_number FROM action_audit"
            + " ORDER BY line_number, recipient").stream()
        .map(row -> row.values().stream().map(value -> value == null ? "-" : value.toString())
            .collect(Collectors.joining(" ")))
        .toList();
  }
}
