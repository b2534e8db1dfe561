package io.qrelease.jobs;

import io.qrelease.input.CsvInput;
import io.qrelease.input.CsvRow;
import io.qrelease.input.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiFunction;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of an export and maps each with the file's header. It remembers how far
 * the committed chunks got, so a resumed run starts right after them without reading the file's
 * committed part again.
 *
 * <p>Parsing and mapping run on a thread of their own, a bounded queue ahead of the step: the
 * store does its work on one core, and the file is read on another meanwhile. What the step
 * records as read is what it has taken from the queue, so a restart is where it would be without
 * the thread.
 */
public class ExportReader<T> implements ItemStreamReader<T> {

  /** How many records the committed chunks consumed, kept in the step execution context. */
  public static final String RECORDS_READ = "records.read";
  /** How many physical lines they spanned: where a resumed run picks the file up without parsing it again. */
  private static final String LINES_READ = "lines.read";

  /** Rows parsed ahead of the step: two chunks' worth keeps the parser ahead, and memory bounded. */
  private static final int AHEAD = 2_000;
  private static final Object END = new Object();

  private record Parsed<T>(T item, long linesRead) {
  }

  private record Failed(Throwable cause) {
  }

  private final Path file;
  private final BiFunction<Header, CsvRow, T> mapping;
  private final BlockingQueue<Object> parsed = new ArrayBlockingQueue<>(AHEAD);
  private CsvInput input;
  private Thread parser;
  private boolean ended;
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
      input = recordsRead == 0 ? CsvInput.open(file) : CsvInput.resume(file, linesRead);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    ended = false;
    parser = new Thread(this::parse, "export-parser");
    parser.setDaemon(true);
    parser.start();
  }

  private void parse() {
    Object last;
    try {
      for (CsvRow row = input.next(); row != null; row = input.next()) {
        parsed.put(new Parsed<>(mapping.apply(input.header(), row), input.linesRead()));
      }
      last = END;
    } catch (InterruptedException closed) {
      return;
    } catch (Throwable failure) {
      // The step meets the failure where it happened in the file, as if it had parsed the row itself.
      last = new Failed(failure);
    }
    try {
      parsed.put(last);
    } catch (InterruptedException closed) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T read() throws Exception {
    if (ended) {
      return null;
    }
    Object next = parsed.take();
    if (next == END) {
      ended = true;
      return null;
    }
    if (next instanceof Failed failed) {
      ended = true;
      if (failed.cause() instanceof Error error) {
        throw error;
      }
      throw (Exception) failed.cause();
    }
    Parsed<T> row = (Parsed<T>) next;
    recordsRead++;
    linesRead = row.linesRead();
    return row.item();
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(RECORDS_READ, recordsRead);
    context.putLong(LINES_READ, linesRead);
  }

  @Override
  public void close() {
    if (parser != null) {
      parser.interrupt();
      try {
        parser.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      parser = null;
      parsed.clear();
    }
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
