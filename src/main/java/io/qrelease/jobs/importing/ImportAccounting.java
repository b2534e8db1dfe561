package io.qrelease.jobs.importing;

import io.qrelease.jobs.ExecutionHistory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of an import: fails it when it did not account for every row of its file. Each
 * row is either imported or rejected, and the committed chunks of all its runs must have consumed
 * exactly the rows the file was checked to have.
 */
public class ImportAccounting implements Tasklet {

  private final ExecutionHistory history;
  /** The rows the file was counted to have before the run, or null when it was not. */
  private final Long inputRows;

  public ImportAccounting(ExecutionHistory history, Long inputRows) {
    this.history = history;
    this.inputRows = inputRows;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long read = history.itemsWritten(chunkContext.getStepContext().getStepExecution().getJobExecution()
        .getJobInstance());
    if (inputRows != null && read != inputRows) {
      throw new IllegalStateException("The import's accounting does not balance: the file has " + inputRows
          + " rows but " + read + " were read");
    }
    return RepeatStatus.FINISHED;
  }
}
