package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvInputResumeTest {

  @TempDir
  Path folder;

  static Stream<Arguments> exports() {
    return Stream.of(
        Arguments.of("comma-separated after a #TYPE line", "#TYPE Deserialized.QuarantineMessage", ','),
        Arguments.of("semicolon-separated after a sep line", "sep=;", ';'));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exports")
  void resumingAfterEachRecordGivesTheSameRecordsAndLineNumbersAsReadingOnFromThere(String export, String firstLine,
      char delimiter) throws IOException {
    // given: a BOM, a first line to skip, CRLF, blank lines and a quoted field spanning lines with
    // the delimiter inside
    Path file = folder.resolve("export.csv");
    Files.write(file, ("\uFEFF" + firstLine + "\r\n"
        + "NetworkMessageId,RecipientEmailAddress,Subject\r\n"
        + "11111111-1111-1111-1111-111111111111,alice@contoso.com,\"one\r\ntwo, three\"\r\n"
        + "\r\n"
        + "22222222-2222-2222-2222-222222222222,bob@contoso.com,plain\r\n"
        + "33333333-3333-3333-3333-333333333333,carol@contoso.com,\"quoted \"\"word\"\"\"\r\n"
        + "44444444-4444-4444-4444-444444444444,dave@contoso.com,last\r\n")
        .replace(',', delimiter).getBytes(StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>();
    List<Long> linesAfter = new ArrayList<>();
    try (CsvInput input = CsvInput.open(file)) {
      for (CsvRow row = input.next(); row != null; row = input.next()) {
        all.add(text(row));
        linesAfter.add(input.linesRead());
      }
    }
    assertThat(all).containsExactly(
        "3:[11111111-1111-1111-1111-111111111111, alice@contoso.com, one\ntwo" + delimiter + " three]",
        "6:[22222222-2222-2222-2222-222222222222, bob@contoso.com, plain]",
        "7:[33333333-3333-3333-3333-333333333333, carol@contoso.com, quoted \"word\"]",
        "8:[44444444-4444-4444-4444-444444444444, dave@contoso.com, last]");

    for (int done = 1; done <= all.size(); done++) {
      // when
      List<String> rest = new ArrayList<>();
      try (CsvInput input = CsvInput.resume(file, linesAfter.get(done - 1))) {
        assertThat(input.header().has(Column.SUBJECT)).isTrue();
        for (CsvRow row = input.next(); row != null; row = input.next()) {
          rest.add(text(row));
        }
      }

      // then
      assertThat(rest).as("after %d records", done).isEqualTo(all.subList(done, all.size()));
    }
  }

  private static String text(CsvRow row) {
    return row.lineNumber() + ":" + Arrays.toString(row.cells());
  }
}
