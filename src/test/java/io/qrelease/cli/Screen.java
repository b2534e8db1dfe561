package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;

/** The operator's terminal: every listing fits it, and a refusal takes one line of it. */
final class Screen {

  static final int WIDTH = 100;

  private Screen() {
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
    assertThat(run.out().lines()).as(run.toString())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(WIDTH));
  }
}
