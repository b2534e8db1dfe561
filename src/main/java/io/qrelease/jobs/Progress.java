package io.qrelease.jobs;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Tells the progress report how far a step is, a chunk at a time; a resumed run counts from its committed items. */
public class Progress implements StepExecutionListener, ChunkListener<Object, Object> {

  private final ProgressReport report;
  private final String unit;
  private final long expected;
  private long before;
  private long items;
  private long startNanos;

  /** @param expected the step's items, 0 when unknown */
  public Progress(ProgressReport report, String unit, long expected) {
    this.report = report;
    this.unit = unit;
    this.expected = expected;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    before = stepExecution.getExecutionContext().getLong(ExportReader.RECORDS_READ, 0L);
    startNanos = System.nanoTime();
    report.started(unit, expected, before);
  }

  @Override
  public void afterChunk(Chunk<Object> chunk) {
    items += chunk.size();
    double seconds = Math.max(System.nanoTime() - startNanos, 1) / 1e9;
    report.advanced(before + items, items / seconds);
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    report.ended();
    return null;
  }
}
