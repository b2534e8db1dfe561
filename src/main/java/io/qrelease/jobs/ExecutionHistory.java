package io.qrelease.jobs;

import io.qrelease.jobs.release.ReleaseJobConfiguration;
import io.qrelease.store.ActionStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Every job execution the job repository knows, newest first, with the rows its steps read and
 * wrote: a release reads its rows as it stages them, and writes a message at a time as it decides
 * and applies them.
 */
@Component
public class ExecutionHistory {

  private final JobRepository jobRepository;
  private final ActionStore actions;

  public ExecutionHistory(JobRepository jobRepository, ActionStore actions) {
    this.jobRepository = jobRepository;
    this.actions = actions;
  }

  public List<ExecutionRecord> list() {
    Map<Long, String> actionOf = actions.actionIdsByJobInstance();
    List<ExecutionRecord> records = new ArrayList<>();
    for (String job : jobRepository.getJobNames()) {
      for (JobInstance instance : jobRepository.getJobInstances(job, 0, Integer.MAX_VALUE)) {
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        for (int i = 0; i < executions.size(); i++) {
          records.add(record(executions.get(i), actionOf.get(instance.getInstanceId()),
              i + 1 < executions.size() ? executions.get(i + 1).getId() : null));
        }
      }
    }
    records.sort(Comparator.comparingLong(ExecutionRecord::executionId).reversed());
    return records;
  }

  private static ExecutionRecord record(JobExecution execution, String actionId, Long resumedBy) {
    long written = 0;
    for (StepExecution step : execution.getStepExecutions()) {
      if (!step.getStepName().equals(ReleaseJobConfiguration.STAGE)) {
        written += step.getWriteCount();
      }
    }
    return new ExecutionRecord(execution.getId(), execution.getJobInstance().getJobName(),
        execution.getStatus().name(), rowsRead(execution), written, instant(execution.getStartTime()),
        instant(execution.getEndTime()), actionId, resumedBy);
  }

  /** The input rows an execution read: a release's decide step reads messages it had staged, not rows. */
  public static long rowsRead(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .filter(step -> !step.getStepName().equals(ReleaseJobConfiguration.DECIDE_AND_APPLY))
        .mapToLong(StepExecution::getReadCount).sum();
  }

  /** Spring Batch keeps its times without a zone, in the zone of the JVM that ran the job. */
  private static Instant instant(LocalDateTime value) {
    return value == null ? null : value.atZone(ZoneId.systemDefault()).toInstant();
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
