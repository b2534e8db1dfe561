package io.qrelease.jobs;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a job, or resumes the run the same parameters started before: the same command after a
 * failure, a Ctrl-C or a kill -9 carries on from the last committed chunk, and after a completed
 * run it does nothing.
 */
@Component
public class Runs {

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;

  public Runs(JobRepository jobRepository, JobOperator jobOperator) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
  }

  public RunOutcome startOrResume(Job job, JobParameters parameters) throws Exception {
    JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
    if (instance != null) {
      JobExecution last = jobRepository.getLastJobExecution(instance);
      if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
        return new RunOutcome(last, true);
      }
      if (last != null && last.getStatus().isRunning()) {
        // The embedded database admits one process, so a run still marked as running died with its process.
        jobOperator.recover(last);
      }
    }
    return new RunOutcome(jobOperator.start(job, parameters), false);
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
