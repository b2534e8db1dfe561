package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.EntityKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample exports are what the demo and the README run on, so they must read as intended. */
class SamplesTest {

  private static final Path SAMPLES = Path.of("samples");
  private static final Map<String, ExportKind> KINDS =
      Map.of(
          "quarantine-export.csv", ExportKind.QUARANTINE_EXPORT,
          "email-events.csv", ExportKind.EMAIL_EVENTS,
          "hunting-export.csv", ExportKind.EMAIL_EVENTS,
          "explorer-export.csv", ExportKind.THREAT_EXPLORER,
          "selection.csv", ExportKind.PLAIN_SELECTION);
  /** hunting-export.csv has one truncated GUID to show an InvalidRow reject. */
  private static final String MALFORMED_ID = "9c41f0d2-7be1-4a3e-b05d";
  /** hunting-export.csv names one well-formed message that no export knows, to show NotFound. */
  private static final int UNKNOWN_MESSAGES_IN_HUNTING_EXPORT = 1;

  @Test
  void everySampleHasTheExpectedKind() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        assertThat(KINDS).as("kind of %s", file).containsKey(file.getFileName().toString());
        try (CsvInput input = CsvInput.open(file)) {
          assertThat(ExportKind.of(input.header())).as(file.toString())
              .isEqualTo(KINDS.get(file.getFileName().toString()));
        }
      }
    }
  }

  @Test
  void everySampleRowNamesAGuidAndWellFormedRecipients() throws IOException {
    int malformed = 0;
    for (String name : KINDS.keySet()) {
      try (CsvInput input = CsvInput.open(SAMPLES.resolve(name))) {
        Header header = input.header();
        header.require(name, Column.MESSAGE, Column.RECIPIENT);
        for (CsvRow row = input.next(); row != null; row = input.next()) {
          String id = Cells.messageId(header.value(row, Column.MESSAGE));
          if (id.equals(MALFORMED_ID)) {
            malformed++;
          } else {
            assertThat(EntityKey.isMessageId(id)).as("%s line %d", name, row.lineNumber()).isTrue();
          }
          assertThat(Cells.recipients(header.value(row, Column.RECIPIENT)))
              .as("%s line %d", name, row.lineNumber())
              .allMatch(EntityKey::isAddress);
        }
      }
    }
    assertThat(malformed).isEqualTo(1);
  }

  @Test
  void quarantineExportParsesEveryTypedColumn() throws IOException {
    try (CsvInput input = CsvInput.open(SAMPLES.resolve("quarantine-export.csv"))) {
      Header header = input.header();
      int rows = 0;
      for (CsvRow row = input.next(); row != null; row = input.next(), rows++) {
        assertThat(Cells.instant(header.value(row, Column.RECEIVED_AT))).isNotNull();
        assertThat(Cells.instant(header.value(row, Column.EXPIRES))).isNotNull();
        assertThat(Cells.quarantineType(header.value(row, Column.QUARANTINE_TYPES))).isNotNull();
        assertThat(Cells.releaseStatus(header.value(row, Column.RELEASE_STATUS))).isNotNull();
      }
      assertThat(rows).isEqualTo(25);
    }
  }

  @Test
  void deliveryLocationsOfEventsAndExplorerSamplesAreAllRecognised() throws IOException {
    for (String name : List.of("email-events.csv", "explorer-export.csv")) {
      try (CsvInput input = CsvInput.open(SAMPLES.resolve(name))) {
        Header header = input.header();
        for (CsvRow row = input.next(); row != null; row = input.next()) {
          assertThat(Cells.location(header.value(row, Column.DELIVERY_LOCATION))).isNotNull();
          assertThat(Cells.location(header.value(row, Column.LATEST_DELIVERY_LOCATION))).isNotNull();
          assertThat(Cells.instant(header.value(row, Column.RECEIVED_AT))).isNotNull();
        }
      }
    }
  }

  @Test
  void releaseSelectionsNameMessagesTheStoreWillKnow() throws IOException {
    Set<String> known = new HashSet<>(messageIds("quarantine-export.csv"));
    known.addAll(messageIds("email-events.csv"));

    assertThat(messageIds("selection.csv")).isSubsetOf(known);
    assertThat(messageIds("explorer-export.csv")).isSubsetOf(known);
    assertThat(messageIds("hunting-export.csv"))
        .filteredOn(id -> !id.equals(MALFORMED_ID) && !known.contains(id))
        .hasSize(UNKNOWN_MESSAGES_IN_HUNTING_EXPORT);
  }

  private static List<String> messageIds(String name) throws IOException {
    try (CsvInput input = CsvInput.open(SAMPLES.resolve(name))) {
      return Stream.iterate(input.next(), row -> row != null, row -> nextRow(input))
          .map(row -> Cells.messageId(input.header().value(row, Column.MESSAGE)))
          .toList();
    }
  }

  private static CsvRow nextRow(CsvInput input) {
    try {
      return input.next();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
