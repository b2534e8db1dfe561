package io.qrelease.jobs;

import io.qrelease.jobs.release.ReleaseParameters;
import io.qrelease.store.RunInputStore;
import java.time.Instant;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records what a run reads as it starts, in qrelease's own table: what later runs must know of it
 * is then asked of that table, not of Spring Batch's.
 */
@Component
public class RunInputs implements JobExecutionListener {

  private final RunInputStore inputs;

  public RunInputs(RunInputStore inputs) {
    this.inputs = inputs;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    JobParameters parameters = execution.getJobParameters();
    String windowEnd = parameters.getString(ReleaseParameters.WINDOW_END);
    inputs.record(execution.getJobInstance().getInstanceId(), execution.getJobInstance().getJobName(),
        parameters.getString(RunParameters.INPUT), parameters.getString(RunParameters.INPUT_SHA256),
        Boolean.parseBoolean(parameters.getString(RunParameters.DRY_RUN)),
        parameters.getString(ReleaseParameters.RULE), windowEnd == null ? null : Instant.parse(windowEnd));
  }
}
