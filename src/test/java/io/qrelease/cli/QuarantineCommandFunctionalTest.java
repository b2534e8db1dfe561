package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.report.UtcTime;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quarantine page on the command line: who released which copy to whom, and every filter. */
class QuarantineCommandFunctionalTest {

  static final String ADMIN = "secops-admin@contoso.com";
  static final String INVOICE = "11111111-1111-1111-1111-111111111111";
  static final String NEWSLETTER = "22222222-2222-2222-2222-222222222222";
  static final String WIRE = "33333333-3333-3333-3333-333333333333";
  static final String SCAN = "44444444-4444-4444-4444-444444444444";
  static final String DELIVERED = "55555555-5555-5555-5555-555555555555";
  static final String NEWSLETTER_SENDER = "notifications-no-reply@newsletters.partner.example";

  /** One copy per received day, the newest first; a subject with a line break and a sender longer than its column. */
  static final String QUARANTINE = """
      Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires,ReceivedTime
      %s\\aaaaaaaa-0000-0000-0000-000000000001,alice@contoso.com,billing@partner.example,Invoice,Spam,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-04T08:00:00Z
      %s\\aaaaaaaa-0000-0000-0000-000000000002,bob@contoso.com;carol@contoso.com,%s,Newsletter,Bulk,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-03T08:00:00Z
      %s\\aaaaaaaa-0000-0000-0000-000000000003,dave@contoso.com,ceo@fabrikam.example,"Urgent: wire transfer
      needed today, before the end of business, see the attached instructions",Phish,DENIED,2099-01-01T00:00:00Z,2026-11-02T08:00:00Z
      %s\\aaaaaaaa-0000-0000-0000-000000000004,erin@contoso.com,scan@partner.example,Scanned document,Malware,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      """.formatted(INVOICE, NEWSLETTER, NEWSLETTER_SENDER, WIRE, SCAN);

  /** Delivered straight to the Inbox, never quarantined: not on the quarantine page. */
  static final String EMAIL_EVENTS = """
      Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,Subject,DeliveryLocation
      2026-11-05T08:00:00Z,%s,frank@contoso.com,hello@partner.example,Hello,Inbox
      """.formatted(DELIVERED);

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void quarantineWithTwoCopiesReleasedByTwoOperators() {
    bench = new Workbench(folder);
    for (String export : List.of(bench.write("quarantine.csv", QUARANTINE).toString(),
        bench.write("events.csv", EMAIL_EVENTS).toString())) {
      CommandRun imported = bench.run("import", export);
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
    }
    QuarantinedMail.release(bench, ANALYST, "invoice.csv", row(INVOICE, "alice@contoso.com"));
    QuarantinedMail.release(bench, ADMIN, "newsletter.csv", row(NEWSLETTER, "bob@contoso.com"));
  }

  @Test
  void thePageShowsQuarantinedAndReleasedCopiesNewestFirstAndWhoReleasedEachToWhom() {
    // Copies received at the same time (a message's recipients) come in descending order too, as the
    // page is read backwards along its index.
    // when
    CommandRun run = bench.run("quarantine");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.subList(0, 2)).isEqualTo(QuarantineCommand.TABLE.header());
    assertThat(lines.subList(2, lines.size())).containsExactly(
        "2026-11-04 08:00  alice@contoso.com             billing@partner.example       Spam",
        "  Released     Inbox       " + INVOICE + "  Invoice",
        "    released by " + ANALYST + " to alice@contoso.com on " + releasedAt(INVOICE, "alice@contoso.com") + " UTC",
        "2026-11-03 08:00  carol@contoso.com             notifications-no-reply@news…  Bulk",
        "  NotReleased  Quarantine  " + NEWSLETTER + "  Newsletter",
        "2026-11-03 08:00  bob@contoso.com               notifications-no-reply@news…  Bulk",
        "  Released     Inbox       " + NEWSLETTER + "  Newsletter",
        "    released by " + ADMIN + " to bob@contoso.com on " + releasedAt(NEWSLETTER, "bob@contoso.com") + " UTC",
        "2026-11-02 08:00  dave@contoso.com              ceo@fabrikam.example          Phish",
        "  Denied       Quarantine  " + WIRE + "  Urgent: wire transfer needed tod…",
        "2026-11-01 08:00  erin@contoso.com              scan@partner.example          Malware",
        "  NotReleased  Quarantine  " + SCAN + "  Scanned document");
    assertThat(run.out()).doesNotContain("frank@contoso.com");
    Screen.assertFits(run);
  }

  @Test
  void onAnEightyColumnTerminalAddressesAndSubjectsNarrowAndAReleaseLongerThanALineGoesOnUnderIt() {
    // when
    CommandRun run = Screen.at(Screen.NARROW, () -> bench.run("quarantine", "--limit", "3"));

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "RECEIVED (UTC)    RECIPIENT             SENDER                TYPE",
        "  STATUS       LOCATION    NETWORK MESSAGE ID                    SUBJECT",
        "2026-11-04 08:00  alice@contoso.com     billing@partner.exa…  Spam",
        "  Released     Inbox       " + INVOICE + "  Invoice",
        "    released by " + ANALYST + " to alice@contoso.com on " + releasedAt(INVOICE, "alice@contoso.com") + " UTC",
        "2026-11-03 08:00  carol@contoso.com     notifications-no-re…  Bulk",
        "  NotReleased  Quarantine  " + NEWSLETTER + "  Newsletter",
        "2026-11-03 08:00  bob@contoso.com       notifications-no-re…  Bulk",
        "  Released     Inbox       " + NEWSLETTER + "  Newsletter",
        "    released by " + ADMIN + " to bob@contoso.com",
        "    on " + releasedAt(NEWSLETTER, "bob@contoso.com") + " UTC",
        "2 more; use --limit or a filter.");
    Screen.assertFits(run, Screen.NARROW);
  }

  @Test
  void statusShowsOnlyTheCopiesWithThatReleaseStatusIgnoringCase() {
    assertThat(recipients(bench.run("quarantine", "--status", "released"))).containsExactly("alice@contoso.com", "bob@contoso.com");
    assertThat(recipients(bench.run("quarantine", "--status", "NOTRELEASED"))).containsExactly("carol@contoso.com", "erin@contoso.com");
    assertThat(recipients(bench.run("quarantine", "--status", "Denied"))).containsExactly("dave@contoso.com");
    assertThat(recipients(bench.run("quarantine", "--status", "Requested"))).isEmpty();
  }

  @Test
  void recipientShowsOnlyTheCopiesSentToThatAddressIgnoringCase() {
    assertThat(recipients(bench.run("quarantine", "--recipient", "Carol@Contoso.com"))).containsExactly("carol@contoso.com");
  }

  @Test
  void senderShowsOnlyTheCopiesFromThatAddressIgnoringCase() {
    assertThat(recipients(bench.run("quarantine", "--sender", NEWSLETTER_SENDER.toUpperCase())))
        .containsExactly("carol@contoso.com", "bob@contoso.com");
  }

  @Test
  void typeShowsOnlyTheCopiesQuarantinedAsThatType() {
    assertThat(recipients(bench.run("quarantine", "--type", "malware"))).containsExactly("erin@contoso.com");
    assertThat(recipients(bench.run("quarantine", "--type", "Bulk"))).containsExactly("carol@contoso.com", "bob@contoso.com");
  }

  @Test
  void releasedByShowsOnlyTheCopiesThatOperatorReleased() {
    assertThat(recipients(bench.run("quarantine", "--released-by", ADMIN))).containsExactly("bob@contoso.com");
    assertThat(recipients(bench.run("quarantine", "--released-by", ANALYST, "--status", "Released")))
        .containsExactly("alice@contoso.com");
  }

  @Test
  void limitCutsThePageAndTheFooterSaysHowManyMoreThereAre() {
    // when
    CommandRun cut = bench.run("quarantine", "--limit", "2");
    CommandRun whole = bench.run("quarantine", "--limit", "5");

    // then
    assertThat(recipients(cut)).containsExactly("alice@contoso.com", "carol@contoso.com");
    assertThat(cut.out()).endsWith("  Newsletter\n3 more; use --limit or a filter.\n");
    assertThat(recipients(whole)).hasSize(5);
    assertThat(whole.out()).doesNotContain("more; use --limit");
  }

  @Test
  void theFooterCountsTheCopiesLeftOutUpToTenThousand() {
    // given: 10,006 copies in quarantine
    StringBuilder export = new StringBuilder("Identity,RecipientAddress,QuarantineTypes,ReceivedTime\n");
    for (int i = 0; i < 10_001; i++) {
      export.append(new UUID(6, i)).append("\\").append(new UUID(7, i)).append(",user").append(i)
          .append("@contoso.com,Spam,2026-10-01T08:00:00Z\n");
    }
    assertThat(bench.run("import", bench.write("more.csv", export.toString()).toString()).exitCode()).isZero();

    // when
    CommandRun counted = bench.run("quarantine", "--limit", "7");
    CommandRun cutShort = bench.run("quarantine", "--limit", "5");

    // then
    assertThat(counted.out()).endsWith("\n9,999 more; use --limit or a filter.\n");
    assertThat(cutShort.out()).endsWith("\nat least 10,000 more; use --limit or a filter.\n");
  }

  @Test
  void aCopyWithoutAReceivedTimeComesLast() {
    // given
    String undated = "66666666-6666-6666-6666-666666666666";
    CommandRun imported = bench.run("import", bench.write("undated.csv", """
        Identity,RecipientAddress,QuarantineTypes
        %s\\aaaaaaaa-0000-0000-0000-000000000006,grace@contoso.com,Spam
        """.formatted(undated)).toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();

    // when
    CommandRun run = bench.run("quarantine", "--json");

    // then
    JsonNode copies = JsonMapper.builder().build().readTree(run.out());
    assertThat(copies).hasSize(6);
    assertThat(copies.get(5).get("networkMessageId").asString()).isEqualTo(undated);
    assertThat(copies.get(5).get("receivedAt").isNull()).isTrue();
  }

  @Test
  void jsonIsAnArrayOfCopiesWithTheFooterKeptOffStandardOutput() {
    // when
    CommandRun run = bench.run("quarantine", "--json", "--limit", "4");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode copies = JsonMapper.builder().build().readTree(run.out());
    assertThat(copies.isArray()).isTrue();
    assertThat(copies).hasSize(4);
    JsonNode alice = copies.get(0);
    assertThat(alice.propertyNames()).containsExactly("receivedAt", "networkMessageId", "internetMessageId",
        "recipient", "sender", "subject", "quarantineType", "policyType", "policyName", "expiresAt", "location",
        "releaseStatus", "releasedBy", "releasedAt");
    assertThat(alice.get("receivedAt").asString()).isEqualTo("2026-11-04T08:00:00Z");
    assertThat(alice.get("networkMessageId").asString()).isEqualTo(INVOICE);
    assertThat(alice.get("releaseStatus").asString()).isEqualTo("Released");
    assertThat(alice.get("releasedBy").asString()).isEqualTo(ANALYST);
    assertThat(alice.get("releasedAt").asString()).endsWith("Z");
    assertThat(copies.get(3).get("subject").asString()).startsWith("Urgent: wire transfer\n");
    assertThat(copies.get(3).get("releasedBy").isNull()).isTrue();
    assertThat(run.err()).isEqualTo("1 more; use --limit or a filter.\n");
  }

  @Test
  void aStatusTypeOrLimitThatCannotBeShownIsRefused() {
    // when
    CommandRun status = bench.run("quarantine", "--status", "Deleted");
    CommandRun type = bench.run("quarantine", "--type", "Virus");
    CommandRun limit = bench.run("quarantine", "--limit", "0");

    // then
    Screen.assertRefused(status, type, limit);
    assertThat(status.err()).contains("'Deleted'", "NotReleased, Requested, Approved, Denied, Released");
    assertThat(type.err()).contains("'Virus'", "HighConfPhish");
    assertThat(limit.err()).contains("positive number");
  }

  private String releasedAt(String networkMessageId, String recipient) {
    Map<String, Object> copy = bench.query("SELECT released_at FROM mail_copy WHERE network_message_id = ? AND recipient = ?",
        networkMessageId, recipient).get(0);
    return UtcTime.minute(Workbench.storedInstant(copy.get("released_at")));
  }

  /** The recipient of each copy on the page, in the page's order. */
  private static List<String> recipients(CommandRun run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.out().lines().skip(2).filter(line -> !line.startsWith(" ") && !line.contains("more; use --limit"))
        .map(line -> line.split("\\s+")[2]).toList();
  }
}
