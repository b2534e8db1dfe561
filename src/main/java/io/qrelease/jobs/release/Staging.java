package io.qrelease.jobs.release;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * The stage step: the copies a custom detection rule selects in one statement, the rows of a file
 * or of one message a chunk at a time. Both run under this one name, so that a run's steps, its
 * resume and its counts read the same whatever its input.
 */
public class Staging implements Step {

  private final Step ruleCopies;
  private final Step inputRows;

  public Staging(Step ruleCopies, Step inputRows) {
    this.ruleCopies = ruleCopies;
    this.inputRows = inputRows;
  }

  @Override
  public String getName() {
    return ReleaseJobConfiguration.STAGE;
  }

  @Override
  public void execute(StepExecution execution) throws JobInterruptedException {
    boolean rule = execution.getJobParameters().getString(ReleaseParameters.RULE) != null;
    (rule ? ruleCopies : inputRows).execute(execution);
  }
}
