package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputResumeTest {

  @TempDir
  Path folder;

  @Test
  void resumingAfterEachRecordGivesTheSameRecordsAndLineNumbersAsReadingOnFromThere() throws IOException {
    // given: a BOM, a #TYPE line, CRLF, blank lines and a quoted field spanning lines
    Path file = folder.resolve("export.csv");
    Files.write(file, ("\uFEFF#TYPE Deserialized.QuarantineMessage\r\n"
        + "NetworkMessageId,RecipientEmailAddress,Subject\r\n"
        + "11111111-1111-1111-1111-111111111111,alice@contoso.com,\"one\r\ntwo, three\"\r\n"
        + "\r\n"
        + "22222222-2222-2222-2222-222222222222,bob@contoso.com,plain\r\n"
        + "33333333-3333-3333-3333-333333333333,carol@contoso.com,\"quoted \"\"word\"\"\"\r\n"
        + "44444444-4444-4444-4444-444444444444,dave@contoso.com,last\r\n").getBytes(StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>();
    List<Long> linesAfter = new ArrayList<>();
    try (CsvInput input = CsvInput.open(file)) {
      for (CsvRow row = input.next(); row != null; row = input.next()) {
        all.add(text(row));
        linesAfter.add(input.linesRead());
      }
    }

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
