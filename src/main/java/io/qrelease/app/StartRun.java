package io.qrelease.app;

import io.qrelease.jobs.ExecutionHistory;
import io.qrelease.jobs.ExecutionRecord;
import io.qrelease.jobs.RunOutcome;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.release.OperatorMayAct;
import io.qrelease.jobs.release.ReleaseJobConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Service;

/**
 * Starts a run of a job, or resumes the unfinished run its parameters identify, for any front end:
 * refuses, before anything is written, an operator who may not act and an input changed under a
 * run that stopped part-way through it.
 */
@Service
public class StartRun {

  private final Runs runs;
  private final ExecutionHistory history;

  public StartRun(Runs runs, ExecutionHistory history) {
    this.runs = runs;
    this.history = history;
  }

  public RunOutcome startOrResume(Job job, JobParameters parameters) throws Exception {
    if (job.getName().equals(ReleaseJobConfiguration.JOB_NAME)) {
      authorize(parameters);
    }
    refuseChangedInput(job.getName(), parameters);
    return runs.startOrResume(job, parameters);
  }

  /** The job checks the same again as it starts, so that no door can forget it. */
  public static void authorize(JobParameters parameters) {
    try {
      new OperatorMayAct().validate(parameters);
    } catch (InvalidJobParametersException refused) {
      throw new Refused(refused.getMessage(), refused);
    }
  }

  public void refuseChangedInput(String jobName, JobParameters parameters) {
    String input = parameters.getString(RunParameters.INPUT);
    if (input != null && !Boolean.parseBoolean(parameters.getString(RunParameters.DRY_RUN))) {
      runs.unfinishedOverOtherContent(jobName, input, parameters.getString(RunParameters.INPUT_SHA256))
          .ifPresent(execution -> {
            throw new Refused(input + " has changed since execution " + execution + " stopped part-way through"
                + " it; put the original back and run again to resume, or release the changed file under"
                + " another name as a new action.");
          });
    }
  }

  /**
   * Resumes a failed or stopped execution from its last committed chunk, with the parameters it
   * started with, once it is known to be resumable: {@code announce} is told just before it goes on.
   */
  public RunOutcome restart(JobExecution execution, Consumer<JobExecution> announce) throws Exception {
    if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
      throw new Refused("Execution " + execution.getId() + " is " + execution.getStatus()
          + ", not failed or stopped; there is nothing to resume.");
    }
    if (execution.getJobInstance().getJobName().equals(ReleaseJobConfiguration.JOB_NAME)) {
      authorize(execution.getJobParameters());
    }
    refuseChangedFile(execution);
    announce.accept(execution);
    return runs.restart(execution);
  }

  /** The newest failed or stopped execution that no later one has carried on, whichever came after it. */
  public Optional<Long> lastResumable() {
    return history.list().stream()
        .filter(execution -> execution.unfinished() && execution.resumedBy() == null)
        .map(ExecutionRecord::executionId)
        .findFirst();
  }

  /** Resuming over a changed file would mix two selections in one action. */
  private static void refuseChangedFile(JobExecution execution) {
    String input = execution.getJobParameters().getString(RunParameters.INPUT);
    if (input == null) {
      return;
    }
    Path file = Path.of(input);
    String started = execution.getJobParameters().getString(RunParameters.INPUT_SHA256);
    if (!Files.isRegularFile(file) || !InputFile.check(file).sha256().equals(started)) {
      throw new Refused(file + " is missing or has changed since execution " + execution.getId()
          + " started; put the original file back to resume, or release the new file as a new action.");
    }
  }
}
