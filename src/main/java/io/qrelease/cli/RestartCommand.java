package io.qrelease.cli;

import io.qrelease.app.StartRun;
import io.qrelease.jobs.RunOutcome;
import io.qrelease.jobs.Runs;
import java.util.concurrent.Callable;
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
    try (Workspace workspace = Workspace.open(store.existingDatabase(), store.out())) {
      Runs runs = workspace.bean(Runs.class);
      StartRun startRun = workspace.bean(StartRun.class);
      JobExecution execution = (which.last ? startRun.lastResumable().flatMap(runs::execution)
          : runs.execution(which.executionId))
          .orElseThrow(() -> new Refusal(which.last ? "There is no failed or stopped run to resume; "
              + store.command("executions") + " lists the runs."
              : "There is no execution " + which.executionId + "; list them with " + store.command("executions") + "."));
      RunOutcome outcome = startRun.restart(execution, resumed -> {
        JobReports.announceResume(resumed, store.out());
        workspace.serveReads();
      });
      return JobReports.print(workspace, outcome, store, null);
    }
  }
}
