package io.qrelease.cli;

import io.qrelease.jobs.ProgressReport;
import io.qrelease.report.Count;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows how far a long run is: on a terminal one line updated in place, otherwise a line every
 * interval, so that a cron log shows a run is alive. On a terminal the line stays within its
 * width: a line that wrapped could no longer be rewritten in place, and each update would leave a
 * copy above the next.
 */
final class TerminalProgress implements ProgressReport {

  private static final Duration TERMINAL_REFRESH = Duration.ofMillis(250);

  private final Duration interval;
  private final boolean terminal;
  private final int width;
  private final PrintWriter out;
  private String unit = "rows";
  private long expected;
  private long lastShownNanos;
  private int shownLength;

  /** @param width the terminal's columns */
  TerminalProgress(Duration interval, boolean terminal, int width, PrintWriter out) {
    this.interval = terminal ? TERMINAL_REFRESH : interval;
    this.terminal = terminal;
    this.width = width;
    this.out = out;
  }

  @Override
  public void started(String unit, long expected, long done) {
    this.unit = unit;
    this.expected = expected;
    lastShownNanos = System.nanoTime();
  }

  @Override
  public void advanced(long done, double perSecond) {
    long now = System.nanoTime();
    if (now - lastShownNanos >= interval.toNanos()) {
      lastShownNanos = now;
      show(line(done, perSecond));
    }
  }

  @Override
  public void ended() {
    if (terminal && shownLength > 0) {
      out.print("\r" + " ".repeat(shownLength) + "\r");
      out.flush();
      shownLength = 0;
    }
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

  private String line(long done, double rate) {
    StringBuilder line = new StringBuilder("  progress   " + Count.of(done));
    if (expected > done) {
      line.append(" of " + Count.of(expected) + " " + unit + " (" + done * 100 / expected + "%)");
    } else {
      line.append(" " + unit);
    }
    line.append(", " + Count.of(Math.round(rate)) + " " + unit + "/s");
    if (expected > done && rate > 0) {
      line.append(String.format(", about %s left", Duration.ofSeconds((long) ((expected - done) / rate))
          .toString().substring(2).toLowerCase()));
    }
    return line.toString();
  }
}
