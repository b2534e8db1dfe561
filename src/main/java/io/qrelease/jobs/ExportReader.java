package io.qrelease.jobs;

import io.qrelease.input.CsvInput;
import io.qrelease.input.CsvRow;
import io.qrelease.input.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of an export and maps each with the file's header. It remembers how far
 * the committed chunks got, so a resumed run starts right after them without reading the file's
 * committed part again.
 */
public class ExportReader<T> implements ItemStreamReader<T> {

  /** How many records the committed chunks consumed, kept in the step execution context. */
  public static final String RECORDS_READ = "records.read";
  /** How many physical lines they spanned: where a resumed run picks the file up without parsing it again. */
  private static final String LINES_READ = "lines.read";

  private final Path file;
  private final BiFunction<Header, CsvRow, T> mapping;
  private CsvInput input;
  private long recordsRead;
  private long linesRead;

  public ExportReader(Path file, BiFunction<Header, CsvRow, T> mapping) {
    this.file = file;
    this.mapping = mapping;
  }

  @Override
  public void open(ExecutionContext context) {
    try {
      recordsRead = context.getLong(RECORDS_READ, 0L);
      linesRead = context.getLong(LINES_READ, 0L);
      if (recordsRead == 0 || context.containsKey(LINES_READ)) {
        input = recordsRead == 0 ? CsvInput.open(file) : CsvInput.resume(file, linesRead);
      } else {
        // A run started by a version that kept only the record count: skip the records by parsing them.
        input = CsvInput.open(file);
        for (long skipped = 0; skipped < recordsRead && input.next() != null; skipped++) {
          linesRead = input.linesRead();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  @Override
  public T read() throws IOException {
    CsvRow row = input.next();
    if (row == null) {
      return null;
    }
    recordsRead++;
    linesRead = input.linesRead();
    return mapping.apply(input.header(), row);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(RECORDS_READ, recordsRead);
    context.putLong(LINES_READ, linesRead);
  }

  @Override
  public void close() {
    if (input != null) {
      try {
        input.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close " + file, e);
      }
      input = null;
    }
  }
}
