package io.qrelease.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

class ProgressTest {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final StepExecution step = new StepExecution("release", new JobExecution(1, new JobInstance(1, "release"),
      new JobParameters()));

  @Test
  void aLogGetsALineForEachIntervalWithItsCountsGroupedInThousands() {
    // given
    Progress progress = new Progress(3_000, "rows", Duration.ZERO, false, 80, print());
    progress.beforeStep(step);

    // when
    progress.afterChunk(rows(1_500));

    // then
    assertThat(text()).startsWith("  progress   1,500 of 3,000 rows (50%), ")
        .matches("(?s).*, \\d{1,3}(,\\d{3})* rows/s, about .* left\n");
  }

  @Test
  void onATerminalTheLineStaysShortOfTheLastColumnAndIsClearedByItsOwnLength() throws InterruptedException {
    // given: a line longer than a terminal of 50 columns
    Progress progress = new Progress(12_345_678, "rows", Duration.ofSeconds(10), true, 50, print());
    progress.beforeStep(step);
    Thread.sleep(300);

    // when
    progress.afterChunk(rows(1_234));
    progress.afterStep(step);

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
    Progress progress = new Progress(10, "rows", Duration.ZERO, true, 100, print());
    progress.beforeStep(step);

    // when
    Thread.sleep(300);
    progress.afterChunk(rows(5));
    Thread.sleep(300);
    progress.afterChunk(rows(6));

    // then: the second line, as the terminal shows it after its carriage return, covers the first
    String[] writes = text().split("\r", -1);
    assertThat(writes[1]).contains("5 of 10 rows (50%)").contains("left");
    assertThat(writes[2].trim()).startsWith("progress   11 rows").doesNotContain("left");
    assertThat(writes[2]).hasSameSizeAs(writes[1]);
  }

  private PrintStream print() {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Chunk<Object> rows(int count) {
    return new Chunk<>(Collections.nCopies(count, new Object()));
  }
}
