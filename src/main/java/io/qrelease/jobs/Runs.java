package io.qrelease.jobs;

import io.qrelease.store.ActionStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes and stops the jobs' runs: the same command after a failure, a Ctrl-C or a
 * kill -9 carries on from the last committed chunk, and after a completed run it does nothing.
 */
@Component
public class Runs {

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;
  private final List<Job> jobs;
  private final ActionStore actions;

  public Runs(JobRepository jobRepository, JobOperator jobOperator, List<Job> jobs, ActionStore actions) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
    this.jobs = jobs;
    this.actions = actions;
  }

  public RunOutcome startOrResume(Job job, JobParameters parameters) throws Exception {
    JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
    if (instance != null) {
      JobExecution last = jobRepository.getLastJobExecution(instance);
      if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
        return new RunOutcome(last, true);
      }
    }
    return new RunOutcome(jobOperator.start(job, parameters), false);
  }

  /** Resumes a failed or stopped run with the parameters it started with. */
  public RunOutcome restart(JobExecution execution) throws Exception {
    return new RunOutcome(jobOperator.restart(execution), false);
  }

  public Optional<JobExecution> execution(long executionId) {
    try {
      return Optional.ofNullable(jobRepository.getJobExecution(executionId));
    } catch (EmptyResultDataAccessException unknown) {
      // The JDBC repository answers an unknown id with an exception rather than null.
      return Optional.empty();
    }
  }

  /** The newest execution of any job. */
  public Optional<JobExecution> lastExecution() {
    return jobs.stream()
        .map(job -> jobRepository.getLastJobInstance(job.getName()))
        .filter(instance -> instance != null)
        .map(jobRepository::getLastJobExecution)
        .filter(execution -> execution != null)
        .max(Comparator.comparingLong(JobExecution::getId));
  }

  /**
   * Marks the runs a dead process left running as failed, so that they can be resumed. Only
   * for a database one process holds at a time: there, no other run can still be alive.
   */
  public void recoverDeadRuns() {
    for (JobExecution execution : running()) {
      jobOperator.recover(execution);
      actions.failRunOf(execution.getId(), Instant.now(), ExitCode.FAILED.code());
    }
  }

  /** Asks the running jobs to stop at their next chunk boundary; says whether there were any. */
  public boolean stopRunning() throws Exception {
    List<JobExecution> running = running();
    for (JobExecution execution : running) {
      jobOperator.stop(execution);
    }
    return !running.isEmpty();
  }

  private List<JobExecution> running() {
    return jobs.stream().flatMap(job -> jobRepository.findRunningJobExecutions(job.getName()).stream()).toList();
  }

  /**
   * Items written by the committed chunks of every execution of the instance: a resumed run
   * counts only what it did itself, and a chunk rolled back counts nowhere.
   */
  public long itemsWritten(JobInstance instance) {
    return jobRepository.getJobExecutions(instance).stream()
        .flatMap(execution -> execution.getStepExecutions().stream())
        .mapToLong(step -> step.getWriteCount())
        .sum();
  }
}
