package io.qrelease.jobs;

import io.qrelease.report.Count;
import java.io.PrintStream;
import java.time.Duration;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows how far a long run is: on a terminal one line updated in place, otherwise a line every
 * interval, so that a cron log shows a run is alive. A resumed run counts from its committed rows.
 * On a terminal the line stays within its width: a line that wrapped could no longer be rewritten
 * in place, and each update would leave a copy above the next.
 */
public class Progress implements StepExecutionListener, ChunkListener<Object, Object> {

  private static final Duration TERMINAL_REFRESH = Duration.ofMillis(250);

  private final long expectedRows;
  private final String unit;
  private final Duration interval;
  private final boolean terminal;
  private final int width;
  private final PrintStream out;
  private long rowsBefore;
  private long rows;
  private long startNanos;
  private long lastShownNanos;
  private int shownLength;

  /**
   * @param expectedRows the input's rows, 0 when unknown
   * @param unit what the step's items are, as the line counts them
   * @param width the terminal's columns
   */
  public Progress(long expectedRows, String unit, Duration interval, boolean terminal, int width, PrintStream out) {
    this.expectedRows = expectedRows;
    this.unit = unit;
    this.interval = terminal ? TERMINAL_REFRESH : interval;
    this.terminal = terminal;
    this.width = width;
    this.out = out;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    rowsBefore = stepExecution.getExecutionContext().getLong(ExportReader.RECORDS_READ, 0L);
    startNanos = System.nanoTime();
    lastShownNanos = startNanos;
  }

  @Override
  public void afterChunk(Chunk<Object> chunk) {
    rows += chunk.size();
    long now = System.nanoTime();
    if (now - lastShownNanos >= interval.toNanos()) {
      lastShownNanos = now;
      show(line(now));
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    if (terminal && shownLength > 0) {
      out.print("\r" + " ".repeat(shownLength) + "\r");
      out.flush();
    }
    return null;
  }

  private void show(String line) {
    if (terminal) {
      // Short of the last column, where some terminals move the cursor on to the next line.
      String fitted = line.length() < width ? line : line.substring(0, Math.max(1, width - 2)) + "…";
      // A shorter line than the last ("about 8s left" after "about 10s left") blanks what it does not cover.
      out.print("\r" + fitted + " ".repeat(Math.max(0, shownLength - fitted.length())));
      shownLength = fitted.length();
      out.flush();
    } else {
      out.println(line);
    }
  }

  private String line(long now) {
    double seconds = Math.max(now - startNanos, 1) / 1e9;
    double rate = rows / seconds;
    long done = rowsBefore + rows;
    StringBuilder line = new StringBuilder("  progress   " + Count.of(done));
    if (expectedRows > done) {
      line.append(" of " + Count.of(expectedRows) + " " + unit + " (" + done * 100 / expectedRows + "%)");
    } else {
      line.append(" " + unit);
    }
    line.append(", " + Count.of(Math.round(rate)) + " " + unit + "/s");
    if (expectedRows > done && rate > 0) {
      line.append(String.format(", about %s left", Duration.ofSeconds((long) ((expectedRows - done) / rate))
          .toString().substring(2).toLowerCase()));
    }
    return line.toString();
  }
}
