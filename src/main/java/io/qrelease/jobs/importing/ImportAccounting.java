package io.qrelease.jobs.importing;

import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Fails an import that did not account for every row of its file: each row is either imported
 * or rejected, and the committed chunks of all its runs must have consumed exactly the rows the
 * file was checked to have.
 */
public class ImportAccounting implements JobExecutionListener {

  private final Runs runs;

  public ImportAccounting(Runs runs) {
    this.runs = runs;
  }

  @Override
  public void afterJob(JobExecution execution) {
    Long inputRows = execution.getJobParameters().getLong(RunParameters.INPUT_ROWS);
    if (execution.getStatus() != BatchStatus.COMPLETED || inputRows == null) {
      return;
    }
    long read = runs.itemsWritten(execution.getJobInstance());
    if (read != inputRows) {
      String message = "The import's accounting does not balance: the file has " + inputRows + " rows but "
          + read + " were read";
      execution.setStatus(BatchStatus.FAILED);
      execution.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
      execution.addFailureException(new IllegalStateException(message));
    }
  }
}
