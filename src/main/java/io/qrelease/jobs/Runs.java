package io.qrelease.jobs;

import io.qrelease.store.RunInputStore;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts and resumes the jobs' runs: the same command after a failure, a Ctrl-C or a kill -9
 * carries on from the last committed chunk, and after a completed run it does nothing.
 */
@Component
public class Runs {

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;
  private final RunInputStore inputs;
  /** How often a run that failed on a transient fault is tried in all, and the first pause before a retry. */
  private final int attempts;
  private final Duration firstPause;

  public Runs(JobRepository jobRepository, JobOperator jobOperator, RunInputStore inputs,
      @Value("${qrelease.retry.attempts:3}") int attempts,
      @Value("${qrelease.retry.first-pause:1s}") Duration firstPause) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
    this.inputs = inputs;
    this.attempts = attempts;
    this.firstPause = firstPause;
  }

  public RunOutcome startOrResume(Job job, JobParameters parameters) throws Exception {
    Optional<JobExecution> last = lastRun(job, parameters);
    if (last.isPresent() && last.get().getStatus() == BatchStatus.COMPLETED) {
      return new RunOutcome(last.get(), true);
    }
    return new RunOutcome(retried(jobOperator.start(job, parameters)), false);
  }

  /**
   * The unfinished run of a job over a file at this path that read other content than the file
   * has now: resuming it over the changed file would mix two selections in one action. A preview
   * is never resumed by running its command again, so one left unfinished stands in no one's way.
   */
  public Optional<Long> unfinishedOverOtherContent(String jobName, String input, String sha256) {
    for (long instanceId : inputs.overOtherContent(jobName, input, sha256)) {
      JobExecution last = jobRepository.getLastJobExecution(jobRepository.getJobInstance(instanceId));
      if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
        return Optional.of(last.getId());
      }
    }
    return Optional.empty();
  }

  /** The latest execution of the run these parameters identify, if it ever started. */
  public Optional<JobExecution> lastRun(Job job, JobParameters parameters) {
    JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
    return instance == null ? Optional.empty() : Optional.ofNullable(jobRepository.getLastJobExecution(instance));
  }

  /** Resumes a failed or stopped run with the parameters it started with. */
  public RunOutcome restart(JobExecution execution) throws Exception {
    return new RunOutcome(retried(jobOperator.restart(execution)), false);
  }

  /**
   * Resumes a run that failed on a transient database fault, a bounded number of times with a
   * growing pause. Each attempt is a resume from the last committed chunk, so a chunk is either
   * written whole or not at all, however often it is tried.
   */
  private JobExecution retried(JobExecution execution) throws Exception {
    Duration pause = firstPause;
    for (int attempt = 1; attempt < attempts && transientFailure(execution); attempt++) {
      Thread.sleep(pause.toMillis());
      pause = pause.multipliedBy(2);
      execution = jobOperator.restart(execution);
    }
    return execution;
  }

  private static boolean transientFailure(JobExecution execution) {
    if (execution.getStatus() != BatchStatus.FAILED) {
      return false;
    }
    for (Throwable failure : execution.getAllFailureExceptions()) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLTransientException || cause instanceof TransientDataAccessException
            || cause instanceof RecoverableDataAccessException) {
          return true;
        }
      }
    }
    return false;
  }

  public Optional<JobExecution> execution(long executionId) {
    try {
      return Optional.ofNullable(jobRepository.getJobExecution(executionId));
    } catch (EmptyResultDataAccessException unknown) {
      // The JDBC repository answers an unknown id with an exception rather than null.
      return Optional.empty();
    }
  }
}
