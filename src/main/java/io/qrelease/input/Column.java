package io.qrelease.input;

import java.util.List;

/** A column a qrelease input may have; each knows the header spellings the exports use for it. */
public enum Column {
  MESSAGE("message", "NetworkMessageId", "Network message ID", "Identity"),
  /** Exchange's identity of a quarantined message, which also names the message: a file's Identity is both. */
  QUARANTINE_IDENTITY("quarantine identity", "Identity"),
  RECIPIENT("recipient", "RecipientEmailAddress", "Recipient", "Recipients", "RecipientAddress"),
  INTERNET_MESSAGE_ID("internet message id", "MessageId", "InternetMessageId"),
  RECEIVED_AT("received time", "ReceivedTime", "Timestamp", "Date (UTC)"),
  SENDER("sender", "SenderAddress", "SenderFromAddress", "Sender address"),
  SUBJECT("subject", "Subject"),
  QUARANTINE_TYPES("quarantine type", "QuarantineTypes", "QuarantineType"),
  POLICY_TYPE("policy type", "PolicyType"),
  POLICY_NAME("policy name", "PolicyName"),
  RELEASE_STATUS("release status", "ReleaseStatus"),
  EXPIRES("expiry", "Expires", "ExpiresAt", "Expiration"),
  DIRECTION("direction", "Direction"),
  DELIVERY_LOCATION("delivery location", "DeliveryLocation", "Original delivery location"),
  LATEST_DELIVERY_LOCATION(
      "latest delivery location", "LatestDeliveryLocation", "Latest delivery location"),
  THREAT_TYPES("threat types", "ThreatTypes"),
  REPORT_ID("report id", "ReportId");

  private final String label;
  private final List<String> aliases;

  Column(String label, String... aliases) {
    this.label = label;
    this.aliases = List.of(aliases);
  }

  /** The header spellings, as the exports write them; matching ignores case and punctuation. */
  public List<String> aliases() {
    return aliases;
  }

  /** How a refusal names the column to a user. */
  String label() {
    return label;
  }

  /** "A, B or C": the aliases a user could add to a file to satisfy this column. */
  String aliasList() {
    int last = aliases.size() - 1;
    return last == 0
        ? aliases.get(0)
        : String.join(", ", aliases.subList(0, last)) + " or " + aliases.get(last);
  }
}
