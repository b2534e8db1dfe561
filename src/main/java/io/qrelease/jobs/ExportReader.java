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
 * Streams the records of an export and maps each with the file's header. It remembers how many
 * records the committed chunks consumed, so a resumed run starts right after them.
 */
public class ExportReader<T> implements ItemStreamReader<T> {

  /** How many records the committed chunks consumed, kept in the step execution context. */
  public static final String RECORDS_READ = "records.read";

  private final Path file;
  private final BiFunction<Header, CsvRow, T> mapping;
  private CsvInput input;
  private long recordsRead;

  public ExportReader(Path file, BiFunction<Header, CsvRow, T> mapping) {
    this.file = file;
    this.mapping = mapping;
  }

  @Override
  public void open(ExecutionContext context) {
    try {
      input = CsvInput.open(file);
      long committed = context.getLong(RECORDS_READ, 0L);
      while (recordsRead < committed && input.next() != null) {
        recordsRead++;
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
    return mapping.apply(input.header(), row);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(RECORDS_READ, recordsRead);
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
