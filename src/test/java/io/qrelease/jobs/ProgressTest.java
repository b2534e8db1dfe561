package io.qrelease.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** The progress line a terminal shows, updated in place. */
class ProgressTest {

  @Test
  void aShorterLineBlanksWhatTheLongerOneBeforeItLeftOnTheTerminal() throws InterruptedException {
    // given: a terminal, and a run whose second line drops the time left
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Progress progress = new Progress(10, Duration.ZERO, true, new PrintStream(printed, true, StandardCharsets.UTF_8));
    StepExecution step = MetaDataInstanceFactory.createStepExecution();
    progress.beforeStep(step);

    // when
    Thread.sleep(300);
    progress.afterChunk(new Chunk<>(List.of(1, 2, 3, 4, 5)));
    Thread.sleep(300);
    progress.afterChunk(new Chunk<>(List.of(6, 7, 8, 9, 10, 11)));
    progress.afterStep(step);

    // then: each line, as the terminal shows it after its carriage return, covers the one before it
    List<String> lines = Arrays.stream(printed.toString(StandardCharsets.UTF_8).split("\r")).skip(1).toList();
    assertThat(lines.get(0)).contains("5 of 10 rows (50%)").contains("left");
    assertThat(lines.get(1).trim()).startsWith("progress   11 rows").doesNotContain("left");
    assertThat(lines.get(1)).hasSameSizeAs(lines.get(0));
    assertThat(lines.get(2)).isBlank();
    assertThat(lines.get(2).length()).isGreaterThanOrEqualTo(lines.get(1).stripTrailing().length());
  }
}
