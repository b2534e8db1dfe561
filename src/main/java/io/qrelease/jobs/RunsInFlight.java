package io.qrelease.jobs;

import io.qrelease.domain.ActionStatus;
import io.qrelease.store.ActionStore;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The runs the job repository has as running, recovered when their process died. */
@Component
public class RunsInFlight {

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;
  /** Looked up when needed: a job's own listeners use the beans that use this one. */
  private final ObjectProvider<Job> jobs;
  private final ActionStore actions;

  public RunsInFlight(JobRepository jobRepository, JobOperator jobOperator, ObjectProvider<Job> jobs,
      ActionStore actions) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
    this.jobs = jobs;
    this.actions = actions;
  }

  /**
   * Marks the runs a dead process left running as failed, so that they can be resumed. Only
   * for a database one process holds at a time: there, no other run can still be alive.
   */
  public void recoverDeadRuns() {
    for (JobExecution execution : running()) {
      jobOperator.recover(execution);
      actions.byJobInstance(execution.getJobInstance().getInstanceId())
          .filter(action -> action.jobExecutionId() == execution.getId())
          .ifPresent(action ->
              actions.finish(action.actionId(), ActionStatus.Failed.name(), Instant.now(), ExitCode.FAILED.code()));
    }
  }

  private List<JobExecution> running() {
    return jobs.stream().flatMap(job -> jobRepository.findRunningJobExecutions(job.getName()).stream()).toList();
  }
}
