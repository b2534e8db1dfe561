package io.qrelease.cli;

import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import java.io.IOException;
import io.qrelease.store.ExecutionHistory;
import io.qrelease.store.ExecutionRecord;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
    description = "Resumes a failed or stopped run from its last committed chunk, with the options it started with.")
class RestartCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @ArgGroup(multiplicity = "1")
  Which which;

  static class Which {
    @Parameters(paramLabel = "EXECUTION_ID", description = "The execution to resume (see 'executions').")
    Long executionId;

    @Option(names = "--last", description = "Resume the newest failed or stopped run.")
    boolean last;
  }

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = Workspace.open(store.existingDatabase())) {
      Runs runs = workspace.bean(Runs.class);
      JobExecution execution = (which.last ? lastResumable(workspace).flatMap(runs::execution)
          : runs.execution(which.executionId))
          .orElseThrow(() -> new Refusal(which.last ? "There is no failed or stopped run to resume; "
              + store.command("executions") + " lists the runs."
              : "There is no execution " + which.executionId + "; list them with " + store.command("executions") + "."));
      if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
        throw new Refusal("Execution " + execution.getId() + " is " + execution.getStatus()
            + ", not failed or stopped; there is nothing to resume.");
      }
      refuseChangedInput(execution);
      JobReports.announceResume(execution);
      workspace.serveReads();
      return JobReports.print(workspace, runs.restart(execution), store, null);
    }
  }

  /** The newest failed or stopped execution that no later one has carried on, whichever came after it. */
  private static Optional<Long> lastResumable(Workspace workspace) {
    return workspace.bean(ExecutionHistory.class).list().stream()
        .filter(execution -> execution.unfinished() && execution.resumedBy() == null)
        .map(ExecutionRecord::executionId)
        .findFirst();
  }

  /** Resuming over a changed file would mix two selections in one action. */
  private static void refuseChangedInput(JobExecution execution) throws IOException {
    String input = execution.getJobParameters().getString(RunParameters.INPUT);
    if (input == null) {
      return;
    }
    Path file = Path.of(input);
    String started = execution.getJobParameters().getString(RunParameters.INPUT_SHA256);
    if (!file.toFile().isFile() || !InputFile.check(file).sha256().equals(started)) {
      throw new Refusal(file + " is missing or has changed since execution " + execution.getId()
          + " started; put the original file back to resume, or release the new file as a new action.");
    }
  }
}
