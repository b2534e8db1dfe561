package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NetworkMessageId           | MESSAGE",
        "Network message ID         | MESSAGE",
        "network_message_id         | MESSAGE",
        "NETWORK-MESSAGE-ID         | MESSAGE",
        "Identity                   | MESSAGE",
        "RecipientEmailAddress      | RECIPIENT",
        "Recipient                  | RECIPIENT",
        "Recipients                 | RECIPIENT",
        "recipientaddress           | RECIPIENT",
        "MessageId                  | INTERNET_MESSAGE_ID",
        "InternetMessageId          | INTERNET_MESSAGE_ID",
        "ReceivedTime               | RECEIVED_AT",
        "Timestamp                  | RECEIVED_AT",
        "Date (UTC)                 | RECEIVED_AT",
        "date_utc                   | RECEIVED_AT",
        "SenderAddress              | SENDER",
        "SenderFromAddress          | SENDER",
        "Sender address             | SENDER",
        "subject                    | SUBJECT",
        "QuarantineTypes            | QUARANTINE_TYPES",
        "QuarantineType             | QUARANTINE_TYPES",
        "PolicyType                 | POLICY_TYPE",
        "Policy name                | POLICY_NAME",
        "ReleaseStatus              | RELEASE_STATUS",
        "Expires                    | EXPIRES",
        "ExpiresAt                  | EXPIRES",
        "Expiration                 | EXPIRES",
        "Direction                  | DIRECTION",
        "DeliveryLocation           | DELIVERY_LOCATION",
        "Original delivery location | DELIVERY_LOCATION",
        "LatestDeliveryLocation     | LATEST_DELIVERY_LOCATION",
        "Latest delivery location   | LATEST_DELIVERY_LOCATION",
        "ThreatTypes                | THREAT_TYPES",
        "Report-Id                  | REPORT_ID",
      })
  void everyAliasFindsItsColumn(String name, Column column) {
    Header header = new Header(List.of("Unrelated", name));

    assertThat(header.has(column)).isTrue();
    assertThat(header.indexOf(column)).isEqualTo(1);
  }

  @Test
  void absentColumnHasNoIndexAndReadsBlank() {
    Header header = new Header(List.of("NetworkMessageId"));

    assertThat(header.has(Column.RECIPIENT)).isFalse();
    assertThat(header.indexOf(Column.RECIPIENT)).isEqualTo(-1);
    assertThat(header.value(new CsvRow(2, new String[] {"m1"}), Column.RECIPIENT)).isEmpty();
  }

  @Test
  void firstOccurrenceOfAColumnWins() {
    Header header = new Header(List.of("Identity", "RecipientAddress", "NetworkMessageId", "Recipient"));

    assertThat(header.indexOf(Column.MESSAGE)).isZero();
    assertThat(header.indexOf(Column.RECIPIENT)).isEqualTo(1);
  }

  @Test
  void valueIsTrimmed() {
    Header header = new Header(List.of("NetworkMessageId", "RecipientEmailAddress"));

    assertThat(header.value(new CsvRow(2, new String[] {" m1 ", "\ta@contoso.com "}), Column.RECIPIENT))
        .isEqualTo("a@contoso.com");
  }

  @Test
  void namesAreTheRawHeaderCells() {
    Header header = new Header(List.of("Date (UTC)", "Network message ID"));

    assertThat(header.names()).containsExactly("Date (UTC)", "Network message ID");
  }

  @Test
  void requireRefusesNamingTheFirstMissingColumnWithItsAliases() {
    Header header = new Header(List.of("NetworkMessageId", "Subject"));

    assertThatThrownBy(() -> header.require("selection.csv", Column.MESSAGE, Column.RECIPIENT))
        .isInstanceOf(InputRefusedException.class)
        .hasMessage(
            "selection.csv has no recipient column (RecipientEmailAddress, Recipient, Recipients or"
                + " RecipientAddress); export it again with that column.");
  }

  @Test
  void requireNamesASingleAliasColumnPlainly() {
    Header header = new Header(List.of("NetworkMessageId"));

    assertThatThrownBy(() -> header.require("hunt.csv", Column.SUBJECT))
        .hasMessage("hunt.csv has no subject column (Subject); export it again with that column.");
  }

  @Test
  void requireAcceptsAHeaderWithEveryColumn() {
    Header header = new Header(List.of("Recipients", "Network message ID"));

    header.require("explorer.csv", Column.MESSAGE, Column.RECIPIENT);
  }
}
