package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;

/** A store with a few quarantined copies, and selections of them, for the command line tests. */
final class QuarantinedMail {

  static final String ANALYST = "analyst@contoso.com";
  static final String INVOICE = "11111111-1111-1111-1111-111111111111";
  static final String NEWSLETTER = "22222222-2222-2222-2222-222222222222";
  static final String MALWARE = "33333333-3333-3333-3333-333333333333";
  static final String UNKNOWN = "99999999-9999-9999-9999-999999999999";

  private static final String EXPORT = """
      Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires,ReceivedTime
      %1$s\\aaaaaaaa-0000-0000-0000-000000000001,alice@contoso.com,billing@partner.example,Invoice,Spam,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      %2$s\\aaaaaaaa-0000-0000-0000-000000000002,bob@contoso.com;carol@contoso.com,news@partner.example,Newsletter,Bulk,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      %3$s\\aaaaaaaa-0000-0000-0000-000000000003,erin@contoso.com,scan@partner.example,Scanned document,Malware,NOTRELEASED,2099-01-01T00:00:00Z,2026-11-01T08:00:00Z
      """.formatted(INVOICE, NEWSLETTER, MALWARE);

  private QuarantinedMail() {
  }

  /** A workbench whose store holds the quarantined copies. */
  static Workbench imported(Path folder) {
    Workbench bench = new Workbench(folder);
    CommandRun run = bench.run("import", bench.write("quarantine.csv", EXPORT).toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return bench;
  }

  /** A plain selection, one "message,recipient" line per row. */
  static Path selection(Workbench bench, String name, String... rows) {
    return bench.write(name, "NetworkMessageId,RecipientEmailAddress\n" + String.join("\n", rows) + "\n");
  }

  /** Releases a selection as this operator and returns the action's id. */
  static String release(Workbench bench, String operator, String name, String... rows) {
    CommandRun run = bench.run("release", selection(bench, name, rows).toString(), "--operator", operator);
    assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
    return latestAction(bench);
  }

  static String latestAction(Workbench bench) {
    return (String) bench.query("SELECT action_id FROM email_action ORDER BY created_at DESC").get(0).get("action_id");
  }

  static String row(String networkMessageId, String recipient) {
    return networkMessageId + "," + recipient;
  }
}
