package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.report.Terminal;
import io.qrelease.testing.CommandRun;
import java.util.function.Supplier;

/** The operator's terminal: every listing fits it, and a refusal takes one line of it. */
final class Screen {

  /** What output into a pipe, as a test's is, is laid out for. */
  static final int WIDTH = 100;
  static final int NARROW = 80;

  private Screen() {
  }

  /** Runs a command as on a terminal of that many columns. */
  static CommandRun at(int columns, Supplier<CommandRun> command) {
    System.setProperty(Terminal.COLUMNS_PROPERTY, Integer.toString(columns));
    try {
      return command.get();
    } finally {
      System.clearProperty(Terminal.COLUMNS_PROPERTY);
    }
  }

  /** Each run was refused with exit code 2 and one line saying what to do, and printed nothing else. */
  static void assertRefused(CommandRun... runs) {
    assertThat(runs).allSatisfy(run -> {
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines()).as(run.toString()).hasSize(1);
    });
  }

  static void assertFits(CommandRun run) {
    assertFits(run, WIDTH);
  }

  static void assertFits(CommandRun run, int width) {
    assertThat(run.out().lines()).as(run.toString())
        .allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(width));
  }
}
