package io.qrelease.jobs.importing;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import job run end to end through the command line on a real HSQLDB file database. */
class ImportJobFunctionalTest {

  static final String M1 = "11111111-1111-1111-1111-111111111111";
  static final String M2 = "22222222-2222-2222-2222-222222222222";
  static final String M3 = "33333333-3333-3333-3333-333333333333";
  static final String M4 = "44444444-4444-4444-4444-444444444444";
  static final String M5 = "55555555-5555-5555-5555-555555555555";
  static final String M6 = "66666666-6666-6666-6666-666666666666";
  static final String M7 = "77777777-7777-7777-7777-777777777777";
  /** The second GUID of an Identity names the quarantine record, not the message. */
  static final String RECORD = "abcdef01-0000-4000-8000-000000000000";

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void emptyWorkbench() {
    bench = new Workbench(folder);
  }

  @Test
  void quarantineExportFromPowerShellGivesOneQuarantinedCopyPerRecipientWithItsDetails() {
    // given
    String subject = "Invoice, \"final\" notice\nsee the attachment";
    Path export = powerShellExport("quarantine.csv",
        quarantined(M1, "alice@contoso.com;Bob@Contoso.com", "Subject", subject, "QuarantineTypes", "Phish",
            "PolicyType", "AntiPhishPolicy", "PolicyName", "Office365 AntiPhish Default"),
        quarantined(M2, "carol@contoso.com", "ReleaseStatus", "RELEASED"));

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT recipient, internet_message_id, sender, subject, location, quarantine_type,"
        + " policy_type, policy_name, release_status FROM mail_copy WHERE network_message_id = ? ORDER BY recipient", M1))
        .containsExactly(
            phishCopy("alice@contoso.com", subject),
            phishCopy("bob@contoso.com", subject));
    assertThat(instants("received_at", M1)).containsOnly(Instant.parse("2026-11-20T15:04:05Z"));
    assertThat(instants("expires_at", M1)).containsOnly(Instant.parse("2028-03-01T00:00:00Z"));
    assertThat(bench.query("SELECT location, release_status FROM mail_copy WHERE network_message_id = ?", M2))
        .containsExactly(Map.of("location", "Inbox", "release_status", "Released"));
  }

  @Test
  void eachCopyOfAQuarantineExportRowKeepsTheRowsIdentityForExchangeAndEmailEventsLeaveItAlone() {
    // given
    imported(powerShellExport("quarantine.csv", quarantined(M1, "alice@contoso.com;bob@contoso.com")));
    Path events = bench.write("events.csv", """
        NetworkMessageId,RecipientEmailAddress,LatestDeliveryLocation
        %s,alice@contoso.com,Quarantine
        """.formatted(M1));

    // when
    CommandRun run = bench.run("import", events.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT recipient, quarantine_identity FROM mail_copy ORDER BY recipient"))
        .containsExactly(row("recipient", "alice@contoso.com", "quarantine_identity", M1 + "\\" + RECORD),
            row("recipient", "bob@contoso.com", "quarantine_identity", M1 + "\\" + RECORD));
  }

  @Test
  void emailEventsExportTakesTheLatestDeliveryLocationElseTheOriginalOneInItsStoreSpelling() {
    // given
    Path export = bench.write("events.csv", """
        Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,Subject,DeliveryLocation,LatestDeliveryLocation
        2026-11-24T10:30:00+02:00,%1$s,frank@contoso.com,team@partner.example,Minutes,Quarantine,Inbox/folder
        2026-11-24 09:00:00,%1$s,grace@contoso.com,team@partner.example,Minutes,Junk folder,
        2026-11-24T09:30:00.287Z,%1$s,heidi@contoso.com,team@partner.example,Minutes,Inbox/folder,Deleted items
        2026-11-24T10:00:00,%1$s,ivan@contoso.com,team@partner.example,Minutes,Failed,Failed
        2026-11-24T10:00:00Z,%1$s,judy@contoso.com,team@partner.example,Minutes,Dropped,Dropped
        2026-11-24T10:00:00Z,%1$s,walter@contoso.com,team@partner.example,Minutes,On-premises/external,On-premises/external
        2026-11-24T10:00:00Z,%1$s,alice@contoso.com,team@partner.example,Minutes,inbox_folder,quarantine
        """.formatted(M1));

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(locations(M1)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "frank@contoso.com", "Inbox",
        "grace@contoso.com", "JunkFolder",
        "heidi@contoso.com", "DeletedFolder",
        "ivan@contoso.com", "Failed",
        "judy@contoso.com", "Dropped",
        "walter@contoso.com", "OnPremExternal",
        "alice@contoso.com", "Quarantine"));
    assertThat(instants("received_at", M1)).containsExactlyInAnyOrder(
        Instant.parse("2026-11-24T08:30:00Z"),
        Instant.parse("2026-11-24T09:00:00Z"),
        Instant.parse("2026-11-24T09:30:00.287Z"),
        Instant.parse("2026-11-24T10:00:00Z"),
        Instant.parse("2026-11-24T10:00:00Z"),
        Instant.parse("2026-11-24T10:00:00Z"),
        Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE quarantine_type IS NOT NULL OR release_status IS NOT NULL"))
        .isZero();
  }

  @Test
  void quarantineExportColumnsAreFoundInAnyOrderCaseAndSpacingWithUnknownColumnsAndBlankLinesIgnored() {
    // given
    Path export = bench.write("quarantine.csv", """
        Subject,recipient address,EXPIRES,Comment,identity,Received_Time,sender-address,Release Status

        Invoice,alice@contoso.com,3/1/2028 12:00:00 AM,looked at by Tier 1,%1$s\\%2$s,11/20/2026 8:14:03 AM,Billing@Partner.example,NOTRELEASED

        Newsletter,bob@contoso.com,3/1/2028 12:00:00 AM,,%3$s\\%2$s,11/20/2026 9:00:00 AM,news@partner.example,RELEASED

        """.formatted(M1, RECORD, M2));

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT network_message_id, recipient, sender, subject, location FROM mail_copy"
        + " ORDER BY network_message_id"))
        .containsExactly(
            copy(M1, "alice@contoso.com", "billing@partner.example", "Invoice", "Quarantine"),
            copy(M2, "bob@contoso.com", "news@partner.example", "Newsletter", "Inbox"));
    assertThat(instants("received_at", M1)).containsExactly(Instant.parse("2026-11-20T08:14:03Z"));
  }

  @Test
  void emailEventsHeaderInSnakeKebabAndUpperCaseWithCrlfIsRecognised() {
    // given
    Path export = bench.write("events.csv", crlf("""
        Recipient-Email-Address,TIMESTAMP,network_message_id,Workload,latest_delivery_location,Sender_From_Address,SUBJECT
        alice@contoso.com,2026-11-24T09:00:00Z,%1$s,Exchange,Junk folder,team@partner.example,Lunch

        bob@contoso.com,2026-11-24T09:00:00Z,%2$s,Exchange,Inbox/folder,news@partner.example,Newsletter
        """.formatted(M1, M2)));

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT network_message_id, recipient, sender, subject, location FROM mail_copy"
        + " ORDER BY network_message_id"))
        .containsExactly(
            copy(M1, "alice@contoso.com", "team@partner.example", "Lunch", "JunkFolder"),
            copy(M2, "bob@contoso.com", "news@partner.example", "Newsletter", "Inbox"));
  }

  @Test
  void emailEventsAfterTheQuarantineExportUpdateTheCopiesWithoutErasingTheirQuarantineDetails() {
    // given: the quarantine export has no MessageId, and alice's copy was released in the portal since
    imported(powerShellExport("quarantine.csv",
        quarantined(M1, "alice@contoso.com;bob@contoso.com", "MessageId", "", "QuarantineTypes", "Bulk")));
    Path events = bench.write("events.csv", """
        Timestamp,NetworkMessageId,InternetMessageId,RecipientEmailAddress,DeliveryLocation,LatestDeliveryLocation
        2026-11-20T15:04:05Z,%1$s,<m1@partner.example>,alice@contoso.com,Quarantine,Inbox/folder
        2026-11-21T10:00:00Z,%2$s,<m2@partner.example>,frank@contoso.com,Junk folder,Junk folder
        """.formatted(M1, M2));

    // when
    CommandRun run = bench.run("import", events.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT recipient, internet_message_id, subject, location, quarantine_type, policy_name,"
        + " release_status FROM mail_copy WHERE network_message_id = ? ORDER BY recipient", M1))
        .containsExactly(
            row("recipient", "alice@contoso.com", "internet_message_id", "<m1@partner.example>",
                "subject", "Your invoice is ready", "location", "Inbox", "quarantine_type", "Bulk",
                "policy_name", "Default", "release_status", "NotReleased"),
            row("recipient", "bob@contoso.com", "internet_message_id", null,
                "subject", "Your invoice is ready", "location", "Quarantine", "quarantine_type", "Bulk",
                "policy_name", "Default", "release_status", "NotReleased"));
    assertThat(instants("expires_at", M1)).containsOnly(Instant.parse("2028-03-01T00:00:00Z"));
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy")).isEqualTo(3);
  }

  @Test
  void anOlderQuarantineExportDoesNotMakeAReleasedCopyReleasableAgain() {
    // given: alice's copy released by an analyst after an export that still shows it in quarantine
    Path older = powerShellExport("older.csv", quarantined(M1, "alice@contoso.com"));
    imported(powerShellExport("latest.csv", quarantined(M1, "alice@contoso.com"), quarantined(M2, "bob@contoso.com")));
    Path selection = bench.write("selection.csv", "NetworkMessageId,RecipientEmailAddress\n" + M1 + ",alice@contoso.com\n");
    assertThat(bench.run("release", selection.toString(), "--operator", "analyst@contoso.com").exitCode()).isZero();

    // when
    CommandRun run = bench.run("import", older.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT location, release_status, released_by FROM mail_copy WHERE network_message_id = ?", M1))
        .containsExactly(row("location", "Inbox", "release_status", "Released", "released_by", "analyst@contoso.com"));
  }

  @Test
  void badRowsGoToTheRejectsFileWithTheirPhysicalLineNumberWhileTheGoodRowsLoad() throws IOException {
    // given: line 1 is #TYPE, line 2 the header, the first record spans lines 3 and 4
    Path export = powerShellExport("quarantine.csv",
        quarantined(M1, "alice@contoso.com", "Subject", "Team offsite\nagenda"),
        quarantined("not-a-guid", "alice@contoso.com"),
        quarantined(M3, ""),
        quarantined(M4, "Alice.Contoso.com"),
        quarantined(M5, "alice@contoso.com", "ReceivedTime", "13/45/2026 1:00:00 PM"),
        quarantined(M6, "bob@contoso.com"));

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(bench.query("SELECT network_message_id, recipient FROM mail_copy ORDER BY network_message_id"))
        .containsExactly(
            row("network_message_id", M1, "recipient", "alice@contoso.com"),
            row("network_message_id", M6, "recipient", "bob@contoso.com"));
    List<String> rejects = List.of(
        "5,network message id 'not-a-guid' is not a GUID",
        "6,the row has no recipient",
        "7,recipient 'alice.contoso.com' is not an email address",
        "8,'13/45/2026 1:00:00 PM' is not a date");
    assertThat(Files.readAllLines(rejectsFile(run), StandardCharsets.UTF_8))
        .containsExactlyElementsOf(concat("LineNumber,Reason", rejects));
    assertThat(bench.query("SELECT line_number, reason FROM import_reject ORDER BY line_number"))
        .extracting(reject -> reject.get("line_number") + "," + reject.get("reason"))
        .containsExactlyElementsOf(rejects);
  }

  @Test
  void fileWithoutARecipientColumnIsRefusedNamingTheColumn() {
    // given
    givenAnEmptyStore();
    Path export = bench.write("no-recipient.csv", "NetworkMessageId,Timestamp,DeliveryLocation\n"
        + M1 + ",2026-11-24T09:00:00Z,Inbox/folder\n");

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertRefusedWithNothingWritten(run, "no-recipient.csv has no recipient column (RecipientEmailAddress,");
  }

  @Test
  void threatExplorerExportIsRefusedByImport() {
    // given
    givenAnEmptyStore();
    Path export = bench.write("explorer.csv", """
        Date (UTC),Network message ID,Recipients,Sender address,Subject,Latest delivery location
        2026-11-23 07:47:00,%s,olivia@contoso.com,noreply@partner.example,Receipt,Quarantine
        """.formatted(M1));

    // when
    CommandRun run = bench.run("import", export.toString());

    // then
    assertRefusedWithNothingWritten(run, "is not a quarantine export or an EmailEvents export");
  }

  @Test
  void missingFileIsRefused() {
    // given
    givenAnEmptyStore();

    // when
    CommandRun run = bench.run("import", folder.resolve("nowhere.csv").toString());

    // then
    assertRefusedWithNothingWritten(run, "nowhere.csv does not exist");
  }

  @Test
  void rerunningACompletedImportReportsItAndChangesNothing() {
    // given: a completed import with one reject, then a later EmailEvents export moves bob's copy
    Path export = powerShellExport("quarantine.csv",
        quarantined(M1, "alice@contoso.com"), quarantined(M2, "bob@contoso.com"), quarantined(M3, ""));
    CommandRun first = bench.run("import", export.toString());
    imported(bench.write("events.csv", """
        Timestamp,NetworkMessageId,RecipientEmailAddress,LatestDeliveryLocation
        2026-11-21T10:00:00Z,%s,bob@contoso.com,Junk folder
        """.formatted(M2)));
    List<Map<String, Object>> copies = allCopies();
    long executions = bench.count("SELECT COUNT(*) FROM batch_job_execution");

    // when
    CommandRun again = bench.run("import", export.toString());

    // then
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
    assertThat(again.out()).contains("This import completed earlier; nothing was changed.");
    assertThat(allCopies()).isEqualTo(copies);
    assertThat(locations(M2)).containsExactly(Map.entry("bob@contoso.com", "JunkFolder"));
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(executions);
    assertThat(bench.count("SELECT COUNT(*) FROM import_reject")).isEqualTo(1);
  }

  @Test
  void sampleExportsImportWithoutRejects() {
    // given: 25 quarantined messages, one for two recipients; 15 events, 8 of them copies already known
    Path samples = Path.of("samples");

    // when
    CommandRun quarantine = bench.run("import", samples.resolve("quarantine-export.csv").toString());
    long quarantinedCopies = bench.count("SELECT COUNT(*) FROM mail_copy");
    CommandRun events = bench.run("import", samples.resolve("email-events.csv").toString());

    // then
    assertThat(quarantine.exitCode()).as(quarantine.toString()).isZero();
    assertThat(events.exitCode()).as(events.toString()).isZero();
    assertThat(quarantinedCopies).isEqualTo(26);
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy")).isEqualTo(33);
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE quarantine_type IS NOT NULL")).isEqualTo(26);
    assertThat(bench.count("SELECT COUNT(*) FROM import_reject")).isZero();
  }

  /**
   * A Get-QuarantineMessage record for one message with realistic values; a test overrides the
   * cells its case is about with column/value pairs.
   */
  private static Map<String, String> quarantined(String message, String recipients, String... overrides) {
    Map<String, String> record = new LinkedHashMap<>();
    record.put("Identity", message + "\\" + RECORD);
    record.put("ReceivedTime", "11/20/2026 3:04:05 PM");
    record.put("MessageId", "<F7D37B28@northwindtraders.com>");
    record.put("SenderAddress", "Billing@Northwindtraders.com");
    record.put("RecipientAddress", recipients);
    record.put("Subject", "Your invoice is ready");
    record.put("Size", "48211");
    record.put("PolicyType", "HostedContentFilterPolicy");
    record.put("PolicyName", "Default");
    record.put("ReleaseStatus", "NOTRELEASED");
    record.put("QuarantineTypes", "Spam");
    record.put("Expires", "3/1/2028 12:00:00 AM");
    record.put("Direction", "Inbound");
    for (int i = 0; i < overrides.length; i += 2) {
      record.put(overrides[i], overrides[i + 1]);
    }
    return record;
  }

  /** What Windows PowerShell's Export-Csv writes: a byte order mark, a #TYPE line, every value quoted, CRLF. */
  @SafeVarargs
  private Path powerShellExport(String name, Map<String, String>... records) {
    StringBuilder csv = new StringBuilder(
        "\uFEFF#TYPE Deserialized.Microsoft.Exchange.Management.FfoQuarantine.QuarantineMessage\r\n");
    csv.append(quotedLine(records[0].keySet()));
    for (Map<String, String> record : records) {
      csv.append(quotedLine(record.values()));
    }
    return bench.write(name, csv.toString());
  }

  private static String quotedLine(Iterable<String> values) {
    StringBuilder line = new StringBuilder();
    for (String value : values) {
      line.append(line.isEmpty() ? "" : ",").append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n").toString();
  }

  private static String crlf(String text) {
    return text.replace("\n", "\r\n");
  }

  private void imported(Path export) {
    CommandRun run = bench.run("import", export.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private void givenAnEmptyStore() {
    bench.createEmptyStore();
  }

  private void assertRefusedWithNothingWritten(CommandRun run, String reason) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip()).contains(reason).doesNotContain("\n");
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy")).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM batch_job_execution")).isZero();
  }

  private static Path rejectsFile(CommandRun run) {
    String line = run.out().lines().map(String::strip).filter(l -> l.startsWith("rejects ")).findFirst()
        .orElseThrow(() -> new AssertionError("no rejects file printed\n" + run));
    return Path.of(line.substring("rejects".length()).strip());
  }

  private Map<String, Object> locations(String message) {
    return bench.query("SELECT recipient, location FROM mail_copy WHERE network_message_id = ?", message).stream()
        .collect(toMap(copy -> (String) copy.get("recipient"), copy -> copy.get("location")));
  }

  private List<Instant> instants(String column, String message) {
    return bench.query("SELECT " + column + " FROM mail_copy WHERE network_message_id = ?", message).stream()
        .map(copy -> Workbench.storedInstant(copy.get(column)))
        .toList();
  }

  private List<Map<String, Object>> allCopies() {
    return bench.query("SELECT * FROM mail_copy ORDER BY network_message_id, recipient");
  }

  private static Map<String, Object> phishCopy(String recipient, String subject) {
    return row("recipient", recipient, "internet_message_id", "<F7D37B28@northwindtraders.com>",
        "sender", "billing@northwindtraders.com", "subject", subject, "location", "Quarantine",
        "quarantine_type", "Phish", "policy_type", "AntiPhishPolicy", "policy_name", "Office365 AntiPhish Default",
        "release_status", "NotReleased");
  }

  private static Map<String, Object> copy(String message, String recipient, String sender, String subject,
      String location) {
    return row("network_message_id", message, "recipient", recipient, "sender", sender, "subject", subject,
        "location", location);
  }

  /** A row as Workbench returns it, from label/value pairs; unlike Map.of it keeps nulls. */
  private static Map<String, Object> row(Object... labelsAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      row.put((String) labelsAndValues[i], labelsAndValues[i + 1]);
    }
    return row;
  }

  private static List<String> concat(String first, List<String> rest) {
    return Stream.concat(Stream.of(first), rest.stream()).toList();
  }
}
