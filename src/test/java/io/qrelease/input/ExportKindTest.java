package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportKindTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Get-QuarantineMessage: its own columns decide, whatever else is there
        "Identity;ReceivedTime;SenderAddress;RecipientAddress;Subject      | QUARANTINE_EXPORT",
        "Identity;RecipientAddress                                         | QUARANTINE_EXPORT",
        "NetworkMessageId;RecipientEmailAddress;QuarantineTypes            | QUARANTINE_EXPORT",
        "NetworkMessageId;RecipientEmailAddress;ReleaseStatus              | QUARANTINE_EXPORT",
        "NetworkMessageId;RecipientEmailAddress;Expires;Timestamp          | QUARANTINE_EXPORT",
        "NetworkMessageId;RecipientAddress                                 | QUARANTINE_EXPORT",
        // Threat Explorer: headers written for people
        "Date (UTC);Network message ID;Recipients;Sender address;Subject   | THREAT_EXPLORER",
        "Network message ID;Recipient                                      | THREAT_EXPLORER",
        "NetworkMessageId;Recipients                                       | THREAT_EXPLORER",
        "NetworkMessageId;RecipientEmailAddress;Latest delivery location   | THREAT_EXPLORER",
        "NetworkMessageId;RecipientEmailAddress;Original delivery location | THREAT_EXPLORER",
        // Advanced Hunting EmailEvents
        "Timestamp;NetworkMessageId;RecipientEmailAddress                  | EMAIL_EVENTS",
        "networkmessageid;recipient_email_address;Subject                  | EMAIL_EVENTS",
        "NetworkMessageId;RecipientEmailAddress;InternetMessageId          | EMAIL_EVENTS",
        "NetworkMessageId;RecipientEmailAddress;SenderFromAddress          | EMAIL_EVENTS",
        "NetworkMessageId;RecipientEmailAddress;DeliveryLocation           | EMAIL_EVENTS",
        "NetworkMessageId;RecipientEmailAddress;LatestDeliveryLocation     | EMAIL_EVENTS",
        "NetworkMessageId;RecipientEmailAddress;ThreatTypes                | EMAIL_EVENTS",
        "NetworkMessageId;RecipientEmailAddress;ReportId                   | EMAIL_EVENTS",
        "NetworkMessageId;Recipient;Timestamp                              | EMAIL_EVENTS",
        // plain selection: just the entities (or too little to tell)
        "NetworkMessageId;RecipientEmailAddress                            | PLAIN_SELECTION",
        "RecipientEmailAddress;NetworkMessageId;Comment                    | PLAIN_SELECTION",
        "NetworkMessageId;Recipient                                        | PLAIN_SELECTION",
        "NetworkMessageId                                                  | PLAIN_SELECTION",
        "Timestamp;Subject                                                 | PLAIN_SELECTION",
      })
  void headerDecidesTheKindOfExport(String names, ExportKind kind) {
    assertThat(ExportKind.of(new Header(List.of(names.split(";"))))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} releases are recorded as {1}")
  @CsvSource({
    "EMAIL_EVENTS,      AdvancedHunting",
    "THREAT_EXPLORER,   ThreatExplorer",
    "QUARANTINE_EXPORT, CsvImport",
    "PLAIN_SELECTION,   CsvImport",
  })
  void eachKindHasItsActionCenterSource(ExportKind kind, String source) {
    assertThat(kind.source()).isEqualTo(source);
  }
}
