package io.qrelease.cli;

import io.qrelease.input.Column;
import io.qrelease.input.ExportKind;
import io.qrelease.jobs.ExitCode;
import io.qrelease.jobs.RunOutcome;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.importing.ImportJobConfiguration;
import io.qrelease.jobs.importing.RejectsFile;
import io.qrelease.store.RejectStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Loads or updates the store from a quarantine export (Get-QuarantineMessage) or an Advanced Hunting EmailEvents export, one copy per message and recipient. Rows that cannot be used go to a rejects file with their line number and why; the rest still loads.")
class ImportCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "FILE", description = "The export to load (CSV).")
  Path file;

  @Override
  public Integer call() throws Exception {
    InputFile input = InputFile.check(file, Column.MESSAGE, Column.RECIPIENT);
    ExportKind kind = ExportKind.of(input.header());
    if (kind != ExportKind.QUARANTINE_EXPORT && kind != ExportKind.EMAIL_EVENTS) {
      throw new Refusal(file + " is not a quarantine export or an EmailEvents export; export one of those to import.");
    }
    var parameters = new JobParametersBuilder()
        .addString(RunParameters.INPUT, input.path().toString(), false)
        .addString(RunParameters.INPUT_SHA256, input.sha256())
        .toJobParameters();
    try (Workspace workspace = Workspace.open(store.database())) {
      Runs runs = workspace.bean(Runs.class);
      RunOutcome outcome = runs.startOrResume(workspace.bean(ImportJobConfiguration.JOB_NAME, Job.class), parameters);
      JobExecution execution = outcome.execution();
      long instanceId = execution.getJobInstance().getInstanceId();
      long rejected = workspace.bean(RejectStore.class).count(instanceId);
      long read = runs.itemsWritten(execution.getJobInstance());
      long copies = workspace.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM mail_copy", Long.class);
      if (outcome.completedEarlier()) {
        System.out.println("This import completed earlier; nothing was changed. Its summary:");
      }
      System.out.printf("  %-10s %s  %s%n", "import", file, execution.getStatus());
      System.out.printf("  %-10s %d read, %d imported, %d rejected%n", "rows", read, read - rejected, rejected);
      if (rejected > 0) {
        System.out.printf("  %-10s %s%n", "rejects", workspace.bean(RejectsFile.class).pathFor(instanceId));
      }
      System.out.printf("  %-10s %d in the store%n", "copies", copies);
      Failures.explain(execution, store.database().logFile());
      if (execution.getStatus() != BatchStatus.COMPLETED) {
        return ExitCode.FAILED.code();
      }
      return (rejected > 0 ? ExitCode.COMPLETED_WITH_PROBLEMS : ExitCode.COMPLETED).code();
    }
  }
}
