package io.qrelease.jobs.release;

import io.qrelease.domain.ActionStatus;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.jobs.ExitCode;
import io.qrelease.jobs.RunParameters;
import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import java.time.Instant;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps the Action center record of a release in step with its job: opened on start, closed with its outcome. */
public class ActionLifecycle implements JobExecutionListener {

  public static final String ACTION_ID = "actionId";

  private final ActionStore actions;

  public ActionLifecycle(ActionStore actions) {
    this.actions = actions;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    JobParameters parameters = execution.getJobParameters();
    String actionId = actions.open(new ActionRecord(null, execution.getJobInstance().getInstanceId(),
        execution.getId(), nameOf(parameters), parameters.getString(ReleaseParameters.SOURCE),
        parameters.getString(ReleaseParameters.ACTION), parameters.getString(ReleaseParameters.OPERATOR),
        parameters.getString(ReleaseParameters.RELEASE_TO), parameters.getString(RunParameters.INPUT),
        ActionStatus.InProgress.name(), Instant.now(), null, 0, 0, 0, null, dryRun(parameters)));
    execution.getExecutionContext().putString(ACTION_ID, actionId);
  }

  @Override
  public void afterJob(JobExecution execution) {
    String actionId = execution.getExecutionContext().getString(ACTION_ID);
    ActionCounts counts = actions.counts(actionId);
    ExitCode exitCode = exitCode(execution.getStatus(), counts);
    ActionStatus status = status(execution.getStatus());
    if (status == ActionStatus.Completed && dryRun(execution.getJobParameters())) {
      status = ActionStatus.DryRun;
    }
    actions.finish(actionId, status.name(), Instant.now(), exitCode.code());
  }

  private static boolean dryRun(JobParameters parameters) {
    return Boolean.parseBoolean(parameters.getString(RunParameters.DRY_RUN));
  }

  private static String nameOf(JobParameters parameters) {
    String name = parameters.getString(ReleaseParameters.NAME);
    return name == null || name.isBlank() ? null : name;
  }

  static ActionStatus status(BatchStatus status) {
    return switch (status) {
      case COMPLETED -> ActionStatus.Completed;
      case STOPPED, STOPPING -> ActionStatus.Stopped;
      default -> ActionStatus.Failed;
    };
  }

  static ExitCode exitCode(BatchStatus status, ActionCounts counts) {
    if (status != BatchStatus.COMPLETED) {
      return ExitCode.FAILED;
    }
    return counts.count(Reason.InvalidRow) > 0 || counts.count(Result.Failed) > 0
        ? ExitCode.COMPLETED_WITH_PROBLEMS : ExitCode.COMPLETED;
  }
}
