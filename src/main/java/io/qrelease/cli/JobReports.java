package io.qrelease.cli;

import io.qrelease.app.TenantDelivery;
import io.qrelease.app.StartRun;
import io.qrelease.jobs.ExecutionHistory;
import io.qrelease.jobs.ExitCode;
import io.qrelease.jobs.ExportReader;
import io.qrelease.jobs.RunOutcome;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.importing.ImportJobConfiguration;
import io.qrelease.jobs.importing.ImportWriter;
import io.qrelease.jobs.importing.RejectsFile;
import io.qrelease.jobs.release.ReleaseJobConfiguration;
import io.qrelease.report.Count;
import io.qrelease.report.JsonStream;
import io.qrelease.report.Terminal;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import io.qrelease.store.OutboxStore;
import io.qrelease.store.RejectStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** Runs a job for a command and prints what came of it, whichever command started or resumed it. */
final class JobReports {

  private JobReports() {
  }

  /**
   * A release in a workspace of its own; the parameters are asked for once the workspace is open,
   * so that reading the input can overlap its start, and so that they can be checked against the store.
   */
  static int runRelease(StoreOptions store, Function<Workspace, JobParameters> parameters, Path summaryJson)
      throws Exception {
    return run(store, ReleaseJobConfiguration.JOB_NAME, parameters, summaryJson);
  }

  /** A release within a command that holds the workspace for several runs. */
  static int runRelease(Workspace workspace, StoreOptions store, JobParameters parameters) throws Exception {
    return run(workspace, store, ReleaseJobConfiguration.JOB_NAME, parameters, null);
  }

  static int runImport(StoreOptions store, Function<Workspace, JobParameters> parameters) throws Exception {
    return run(store, ImportJobConfiguration.JOB_NAME, parameters, null);
  }

  private static int run(StoreOptions store, String jobName, Function<Workspace, JobParameters> parameters,
      Path summaryJson) throws Exception {
    try (Workspace workspace = Workspace.open(store.database(), store.out())) {
      return run(workspace, store, jobName, parameters.apply(workspace), summaryJson);
    }
  }

  private static int run(Workspace workspace, StoreOptions store, String jobName, JobParameters parameters,
      Path summaryJson) throws Exception {
    workspace.serveReads();
    Runs runs = workspace.bean(Runs.class);
    Job job = workspace.bean(jobName, Job.class);
    runs.lastRun(job, parameters).filter(last -> last.getStatus() != BatchStatus.COMPLETED)
        .ifPresent(last -> announceResume(last, store.out()));
    RunOutcome outcome = workspace.bean(StartRun.class).startOrResume(job, parameters);
    return print(workspace, outcome, store, summaryJson);
  }

  /** Says that a run goes on where an earlier one stopped, and from which row, before it does. */
  static void announceResume(JobExecution stopped, PrintWriter out) {
    String how = stopped.getStatus() == BatchStatus.STOPPED ? "was stopped" : "failed";
    Optional<StepExecution> deciding = stopped.getStepExecutions().stream()
        .filter(step -> step.getStepName().equals(ReleaseJobConfiguration.DECIDE_AND_APPLY)).findFirst();
    if (deciding.isPresent()) {
      out.printf("Resuming execution %d, which %s after deciding %s messages of its staged selection:"
          + " the run goes on from the next message.%n", stopped.getId(), how,
          Count.of(deciding.get().getWriteCount()));
      return;
    }
    long committed = stopped.getStepExecutions().stream()
        .mapToLong(step -> step.getExecutionContext().getLong(ExportReader.RECORDS_READ, 0L)).max().orElse(0);
    out.printf("Resuming execution %d, which %s after %s committed rows: the run goes on from row %s.%n",
        stopped.getId(), how, Count.of(committed), Count.of(committed + 1));
  }

  /** Prints the summary of the run's job and returns the command's exit code. */
  static int print(Workspace workspace, RunOutcome outcome, StoreOptions store, Path summaryJson) throws IOException {
    PrintWriter out = store.out();
    JobExecution execution = outcome.execution();
    int exitCode;
    ActionStore actions = workspace.bean(ActionStore.class);
    if (execution.getJobInstance().getJobName().equals(ReleaseJobConfiguration.JOB_NAME)
        && actions.byJobInstance(execution.getJobInstance().getInstanceId()).isEmpty()) {
      // The run failed before its action was recorded: there is nothing to summarize but the failure.
      exitCode = ExitCode.FAILED.code();
    } else if (execution.getJobInstance().getJobName().equals(ReleaseJobConfiguration.JOB_NAME)) {
      ActionReport report = release(actions, workspace.bean(OutboxStore.class), outcome);
      out.print(report.text(Terminal.width()));
      if (report.knewNoMessage()) {
        out.println("The store knows none of these messages: import the quarantine export or EmailEvents"
            + " export that holds them first, with " + store.command("import", "FILE") + ".");
      }
      if (summaryJson != null) {
        report.writeJson(summaryJson);
      }
      exitCode = report.exitCode();
    } else {
      exitCode = printImport(workspace, outcome, out);
    }
    Failures.explain(execution, store);
    return exitCode;
  }

  private static ActionReport release(ActionStore actions, OutboxStore outbox, RunOutcome outcome) {
    JobExecution execution = outcome.execution();
    ActionRecord action = actions.byJobInstance(execution.getJobInstance().getInstanceId()).orElseThrow();
    Duration elapsed = outcome.completedEarlier()
        ? Duration.between(action.createdAt(), action.finishedAt())
        : Duration.between(execution.getStartTime(), execution.getEndTime() == null
            ? LocalDateTime.now() : execution.getEndTime());
    long rows = outcome.completedEarlier() ? action.rowsRead()
        : ExecutionHistory.rowsRead(execution);
    return new ActionReport(action, actions.counts(action.actionId()),
        TenantDelivery.of(outbox.batches(action.actionId())), elapsed, rows, outcome.completedEarlier());
  }

  private static int printImport(Workspace workspace, RunOutcome outcome, PrintWriter out) {
    JobExecution execution = outcome.execution();
    long instanceId = execution.getJobInstance().getInstanceId();
    long rejected = workspace.bean(RejectStore.class).count(instanceId);
    long read = workspace.bean(ExecutionHistory.class).itemsWritten(execution.getJobInstance());
    long copies = execution.getStepExecutions().stream()
        .mapToLong(step -> step.getExecutionContext().getLong(ImportWriter.COPIES_WRITTEN, 0L)).max().orElse(0);
    if (outcome.completedEarlier()) {
      out.println("This import completed earlier; nothing was changed. Its summary:");
    }
    out.printf("  %-10s %s  %s%n", "import", execution.getJobParameters().getString(RunParameters.INPUT),
        execution.getStatus());
    out.printf("  %-10s %s read, %s imported, %s rejected%n", "rows", Count.of(read), Count.of(read - rejected),
        Count.of(rejected));
    if (rejected > 0) {
      out.printf("  %-10s %s%n", "rejects", workspace.bean(RejectsFile.class).pathFor(execution.getJobInstance()));
    }
    out.printf("  %-10s %s loaded into the store%n", "copies", Count.of(copies));
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      return ExitCode.FAILED.code();
    }
    return (rejected > 0 ? ExitCode.COMPLETED_WITH_PROBLEMS : ExitCode.COMPLETED).code();
  }
}
