package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line as a terminal and a cron log show it. */
class TerminalProgressTest {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void aLogGetsALineForEachIntervalWithItsCountsGroupedInThousands() {
    // given
    TerminalProgress progress = new TerminalProgress(Duration.ZERO, false, 80, print());
    progress.started("rows", 3_000, 0);

    // when
    progress.advanced(1_500, 1_000.0);

    // then
    assertThat(text()).isEqualTo("  progress   1,500 of 3,000 rows (50%), 1,000 rows/s, about 1s left\n");
  }

  @Test
  void onATerminalTheLineStaysShortOfTheLastColumnAndIsClearedByItsOwnLength() throws InterruptedException {
    // given: a line longer than a terminal of 50 columns
    TerminalProgress progress = new TerminalProgress(Duration.ofSeconds(10), true, 50, print());
    progress.started("rows", 12_345_678, 0);
    Thread.sleep(300);

    // when
    progress.advanced(1_234, 4_113.0);
    progress.ended();

    // then
    String[] writes = text().split("\r", -1);
    assertThat(writes).hasSize(4);
    assertThat(writes[1]).hasSize(49).startsWith("  progress   1,234 of 12,345,678 rows (0%),").endsWith("…");
    assertThat(writes[2]).isEqualTo(" ".repeat(49));
    assertThat(writes[3]).isEmpty();
  }

  @Test
  void aShorterLineBlanksWhatTheLongerOneBeforeItLeftOnTheTerminal() throws InterruptedException {
    // given: a terminal, and a run whose second line drops the time left
    TerminalProgress progress = new TerminalProgress(Duration.ZERO, true, 100, print());
    progress.started("rows", 10, 0);

    // when
    Thread.sleep(300);
    progress.advanced(5, 16.0);
    Thread.sleep(300);
    progress.advanced(11, 18.0);

    // then: the second line, as the terminal shows it after its carriage return, covers the first
    String[] writes = text().split("\r", -1);
    assertThat(writes[1]).contains("5 of 10 rows (50%)").contains("left");
    assertThat(writes[2].trim()).startsWith("progress   11 rows").doesNotContain("left");
    assertThat(writes[2]).hasSameSizeAs(writes[1]);
  }

  private PrintWriter print() {
    return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
