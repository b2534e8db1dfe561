package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.domain.Location;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9fb93534-081c-4253-b1e2-73a87984a8ab                                      | 9fb93534-081c-4253-b1e2-73a87984a8ab",
        "9FB93534-081C-4253-B1E2-73A87984A8AB                                      | 9fb93534-081c-4253-b1e2-73a87984a8ab",
        "9fb93534-081c-4253-b1e2-73a87984a8ab\\8aca9505-c9f0-4e49-86fd-81ccdb84a29b | 9fb93534-081c-4253-b1e2-73a87984a8ab",
        "not-a-guid                                                                | not-a-guid",
      })
  void messageIdIsTheFirstGuidOfAnIdentityLowerCased(String cell, String expected) {
    assertThat(Cells.messageId(cell)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a@contoso.com                                 | a@contoso.com",
        "' A@Contoso.com '                             | a@contoso.com",
        "a@contoso.com;b@contoso.com                   | a@contoso.com,b@contoso.com",
        "a@contoso.com, b@contoso.com ;c@contoso.com   | a@contoso.com,b@contoso.com,c@contoso.com",
        "b@contoso.com;;a@contoso.com;                 | b@contoso.com,a@contoso.com",
        "a@contoso.com;A@CONTOSO.COM;b@contoso.com     | a@contoso.com,b@contoso.com",
      })
  void recipientsAreSplitTrimmedLowerCasedAndDistinctInOrder(String cell, String expected) {
    assertThat(Cells.recipients(cell)).containsExactly(expected.split(","));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-20T08:14:03Z                | 2026-11-20T08:14:03Z",
        "2026-11-20T08:14:03.2579380Z        | 2026-11-20T08:14:03.257938Z",
        "2026-11-20t08:14:03z                | 2026-11-20T08:14:03Z",
        "2026-11-20T10:14:03+02:00           | 2026-11-20T08:14:03Z",
        "2026-11-20T03:14:03.5-05:00         | 2026-11-20T08:14:03.500Z",
        "2026-11-20T08:14:03                 | 2026-11-20T08:14:03Z",
        "2026-11-20T08:14                    | 2026-11-20T08:14:00Z",
        "2026-11-20 08:14:03                 | 2026-11-20T08:14:03Z",
        "2026-11-20 08:14:03.123             | 2026-11-20T08:14:03.123Z",
        "11/20/2026 8:14:03 AM               | 2026-11-20T08:14:03Z",
        "11/20/2026 8:14:03 PM               | 2026-11-20T20:14:03Z",
        "1/1/2026 12:00:00 AM                | 2026-01-01T00:00:00Z",
        "1/1/2026 12:00:00 PM                | 2026-01-01T12:00:00Z",
        "3/1/2028 9:05:00 pm                 | 2028-03-01T21:05:00Z",
        "' 12/31/2029 11:59:59 Pm '          | 2029-12-31T23:59:59Z",
      })
  void instantReadsIsoAndPowerShellDatesAsUtc(String cell, Instant expected) {
    assertThat(Cells.instant(cell)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "13/45/2024",
        "2/30/2026 1:00:00 AM",
        "11/20/2026 13:14:03 PM",
        "11/20/2026 8:14:03",
        "2026-11-31T00:00:00Z",
        "2026-11-20T08:14:03+2",
        "2026-11-20",
        "yesterday",
      })
  void instantRejectsTextThatIsNotADate(String cell) {
    assertThatThrownBy(() -> Cells.instant(cell))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + cell + "' is not a date");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Inbox                | Inbox",
        "inbox_folder         | Inbox",
        "Inbox/folder         | Inbox",
        "Inbox/Folder         | Inbox",
        "Inbox folder         | Inbox",
        "InboxFolder          | Inbox",
        "Junk                 | JunkFolder",
        "junk_folder          | JunkFolder",
        "Junk folder          | JunkFolder",
        "JunkFolder           | JunkFolder",
        "Junk Email           | JunkFolder",
        "Deleted items        | DeletedFolder",
        "deleted_folder       | DeletedFolder",
        "DeletedItems         | DeletedFolder",
        "DeletedFolder        | DeletedFolder",
        "Quarantine           | Quarantine",
        "quarantine           | Quarantine",
        "Quarantined          | Quarantine",
        "Failed               | Failed",
        "failed               | Failed",
        "Dropped              | Dropped",
        "dropped              | Dropped",
        "On-premises/external | OnPremExternal",
        "onprem_external      | OnPremExternal",
        "OnPremExternal       | OnPremExternal",
      })
  void locationAcceptsGraphAndPortalSpellings(String cell, Location expected) {
    assertThat(Cells.location(cell)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Spam                     | Spam",
        "spam                     | Spam",
        "High confidence spam     | Spam",
        "Bulk                     | Bulk",
        "Phish                    | Phish",
        "PHISH                    | Phish",
        "HighConfPhish            | HighConfPhish",
        "HighConfidencePhish      | HighConfPhish",
        "High Confidence Phish    | HighConfPhish",
        "Malware                  | Malware",
        "SPOMalware               | SPOMalware",
        "spomalware               | SPOMalware",
        "TransportRule            | TransportRule",
        "Transport Rule           | TransportRule",
        "FileTypeBlock            | FileTypeBlock",
        "DataLossPrevention       | DataLossPrevention",
        "'Malware, Phish'         | Malware",
        "Unknown;Phish;Spam       | Phish",
      })
  void quarantineTypeIsTheFirstRecognisedOne(String cell, QuarantineType expected) {
    assertThat(Cells.quarantineType(cell)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NOTRELEASED        | NotReleased",
        "Not released       | NotReleased",
        "NotReleased        | NotReleased",
        "RELEASED           | Released",
        "released           | Released",
        "REQUESTED          | Requested",
        "Release requested  | Requested",
        "APPROVED           | Approved",
        "DENIED             | Denied",
        "PreparingToRelease | Released",
        "Error              | NotReleased",
      })
  void releaseStatusMapsExchangeSpellings(String cell, ReleaseStatus expected) {
    assertThat(Cells.releaseStatus(cell)).isEqualTo(expected);
  }

  static Stream<Arguments> parsersAndUnknownValues() {
    return Stream.of(
        Arguments.of(parser("location", Cells::location), "Archive", "'Archive' is not a delivery location"),
        Arguments.of(
            parser("quarantineType", Cells::quarantineType),
            "Unknown; Other",
            "'Unknown; Other' is not a quarantine type"),
        Arguments.of(
            parser("releaseStatus", Cells::releaseStatus), " Pending ", "'Pending' is not a release status"));
  }

  @ParameterizedTest
  @MethodSource("parsersAndUnknownValues")
  void unknownValuesAreRejectedWithTheCellQuoted(Function<String, ?> parser, String cell, String reason) {
    assertThatThrownBy(() -> parser.apply(cell))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(reason);
  }

  static Stream<Named<Function<String, ?>>> parsers() {
    return Stream.of(
        parser("messageId", Cells::messageId),
        parser("instant", Cells::instant),
        parser("location", Cells::location),
        parser("quarantineType", Cells::quarantineType),
        parser("releaseStatus", Cells::releaseStatus));
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void blankCellsParseToNull(Function<String, ?> parser) {
    assertThat(parser.apply("")).isNull();
    assertThat(parser.apply("  ")).isNull();
    assertThat(parser.apply(null)).isNull();
  }

  @Test
  void blankRecipientCellIsNoRecipients() {
    assertThat(Cells.recipients(" ")).isEmpty();
    assertThat(Cells.recipients(" ; , ")).isEmpty();
    assertThat(Cells.recipients(null)).isEmpty();
  }

  private static Named<Function<String, ?>> parser(String name, Function<String, ?> parser) {
    return Named.of(name, parser);
  }
}
