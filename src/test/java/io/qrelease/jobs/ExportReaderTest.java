package io.qrelease.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.input.InputRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ExportReaderTest {

  private static final int ROWS = 5_000;

  @TempDir
  Path folder;

  private Path export(String lastRows) throws Exception {
    StringBuilder text = new StringBuilder("NetworkMessageId,RecipientEmailAddress,Subject\n");
    for (int i = 0; i < ROWS; i++) {
      // every tenth subject spans two lines, so records and lines differ
      text.append(String.format("%08x-0000-4000-8000-000000000000,user%d@contoso.com,", i, i))
          .append(i % 10 == 0 ? "\"two\nlines\"" : "one line").append('\n');
    }
    return Files.writeString(folder.resolve("export.csv"), text + lastRows);
  }

  private static ExportReader<String> reader(Path file) {
    return new ExportReader<>(file, (header, row) -> row.lineNumber() + ":" + String.join("|", row.cells()));
  }

  private static List<String> readAll(ExportReader<String> reader) throws Exception {
    List<String> items = new ArrayList<>();
    for (String item = reader.read(); item != null; item = reader.read()) {
      items.add(item);
    }
    return items;
  }

  @Test
  void theStateSavedIsWhatTheStepTookNotWhatWasParsedAhead() throws Exception {
    // given
    Path file = export("");
    ExportReader<String> whole = reader(file);
    whole.open(new ExecutionContext());
    List<String> all = readAll(whole);
    whole.close();
    ExportReader<String> first = reader(file);
    first.open(new ExecutionContext());
    for (int i = 0; i < 1_500; i++) {
      first.read();
    }

    // when
    ExecutionContext committed = new ExecutionContext();
    first.update(committed);
    first.close();
    ExportReader<String> resumed = reader(file);
    resumed.open(committed);
    List<String> rest = readAll(resumed);
    resumed.close();

    // then
    assertThat(all).hasSize(ROWS);
    assertThat(committed.getLong(ExportReader.RECORDS_READ)).isEqualTo(1_500);
    assertThat(rest).isEqualTo(all.subList(1_500, ROWS));
  }

  @Test
  void aBrokenRecordFailsTheReadAtItsPlaceAfterTheRowsBeforeIt() throws Exception {
    // given: a last record that never closes its quote and runs past the record size limit
    Path file = export("ffffffff-0000-4000-8000-000000000000,last@contoso.com,\"" + "x".repeat(1 << 21));
    ExportReader<String> reader = reader(file);
    reader.open(new ExecutionContext());

    // when
    List<String> before = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      before.add(reader.read());
    }

    // then
    assertThat(before).doesNotContainNull().hasSize(ROWS);
    assertThatThrownBy(reader::read).isInstanceOf(InputRefusedException.class);
    assertThat(reader.read()).isNull();
    reader.close();
  }

  @Test
  void closingPartWayStopsTheParser() throws Exception {
    // given
    ExportReader<String> reader = reader(export(""));
    reader.open(new ExecutionContext());
    reader.read();

    // when
    reader.close();

    // then
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("export-parser"));
  }
}
