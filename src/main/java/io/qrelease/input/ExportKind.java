package io.qrelease.input;

import java.util.List;

/**
 * What kind of export a header belongs to, which decides the Action center source of a release
 * made from it. The rules are tried in this order, the first that matches wins:
 *
 * <ol>
 *   <li>{@link #QUARANTINE_EXPORT} when the header has Identity or RecipientAddress, or any of
 *       QuarantineTypes, ReleaseStatus, Expires: only Get-QuarantineMessage writes those, so they
 *       are conclusive whatever else the file holds.
 *   <li>{@link #THREAT_EXPLORER} when a known column is spelled with spaces or parentheses
 *       ("Network message ID", "Date (UTC)", "Sender address", ...) or the recipient column is
 *       "Recipients": the portal writes headers for people, the other sources for machines. A
 *       singular "Recipient" alone does not decide, because people naming a selection by hand
 *       write it too.
 *   <li>{@link #EMAIL_EVENTS} when the header has a message and a recipient column and at least
 *       one column that only EmailEvents has (Timestamp, InternetMessageId, SenderFromAddress,
 *       Subject, DeliveryLocation, LatestDeliveryLocation, ThreatTypes, ReportId): the shape of
 *       an Advanced Hunting result.
 *   <li>{@link #PLAIN_SELECTION} otherwise: a hand-made list of messages and recipients.
 * </ol>
 */
public enum ExportKind {
  QUARANTINE_EXPORT("CsvImport"),
  EMAIL_EVENTS("AdvancedHunting"),
  THREAT_EXPLORER("ThreatExplorer"),
  PLAIN_SELECTION("CsvImport");

  private static final List<String> QUARANTINE_ONLY = List.of("Identity", "RecipientAddress");
  private static final List<String> EMAIL_EVENTS_ONLY =
      List.of(
          "Timestamp",
          "InternetMessageId",
          "SenderFromAddress",
          "Subject",
          "DeliveryLocation",
          "LatestDeliveryLocation",
          "ThreatTypes",
          "ReportId");

  private final String source;

  ExportKind(String source) {
    this.source = source;
  }

  public static ExportKind of(Header header) {
    if (QUARANTINE_ONLY.stream().anyMatch(header::spells)
        || header.has(Column.QUARANTINE_TYPES)
        || header.has(Column.RELEASE_STATUS)
        || header.has(Column.EXPIRES)) {
      return QUARANTINE_EXPORT;
    }
    if (header.spelledForPeople() || header.spells("Recipients")) {
      return THREAT_EXPLORER;
    }
    if (header.has(Column.MESSAGE)
        && header.has(Column.RECIPIENT)
        && EMAIL_EVENTS_ONLY.stream().anyMatch(header::spells)) {
      return EMAIL_EVENTS;
    }
    return PLAIN_SELECTION;
  }

  /** The Action center source name a release made from this kind of file is recorded under. */
  public String source() {
    return source;
  }
}
