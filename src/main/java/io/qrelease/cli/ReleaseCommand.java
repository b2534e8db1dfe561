package io.qrelease.cli;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.Operator;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Source;
import io.qrelease.input.Column;
import io.qrelease.input.ExportKind;
import io.qrelease.jobs.RunOutcome;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.release.ReleaseJobConfiguration;
import io.qrelease.jobs.release.ReleaseParameters;
import io.qrelease.store.ActionStore;
import io.qrelease.store.ActionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", mixinStandardHelpOptions = true,
    description = "Releases (or moves to the Inbox) every entity of a selection, checking each against the eligibility and scope rules and auditing it. Running the same command again resumes an unfinished run, or prints the summary of a completed one and changes nothing.")
class ReleaseCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "An Advanced Hunting export, a Threat Explorer export or a plain selection (CSV).")
  Path file;

  @Option(names = "--operator", required = true, paramLabel = "UPN", description = "Who takes the action; must be in the tenant file.")
  String operator;

  @Option(names = "--action", defaultValue = "move-to-inbox", paramLabel = "move-to-inbox|release",
      description = "release acts on quarantined copies only; move-to-inbox also on junk and deleted items (default: ${DEFAULT-VALUE}).")
  String action;

  @Option(names = "--release-to", defaultValue = "row", paramLabel = "row|all|ADDR,...",
      description = "The row's recipient (default), every recipient of each message, or these original recipients.")
  String releaseTo;

  @Option(names = "--name", paramLabel = "TEXT", description = "A name for the action in the Action center.")
  String name;

  @Option(names = "--source", paramLabel = "SOURCE", description = "AdvancedHunting, ThreatExplorer, CsvImport, Api (default: from the file's header).")
  String source;

  @Option(names = "--force", description = "Release again copies already marked released.")
  boolean force;

  @Option(names = "--summary-json", paramLabel = "OUT", description = "Also write the summary as JSON to this file.")
  Path summaryJson;

  @Override
  public Integer call() throws Exception {
    Operator actor = store.loadTenant().operator(operator).orElseThrow(() -> new Refusal(
        "Operator " + operator + " is not in " + store.tenant + "; add them there or use another --operator."));
    if (!actor.role().mayChangeCopies()) {
      throw new Refusal("Operator " + operator + " is a " + actor.role() + " and may not release mail;"
          + " ask a SecurityOperator or SecurityAdministrator.");
    }
    ActionType type = Options.parse(() -> ActionType.fromOption(action));
    ReleaseTarget target = Options.parse(() -> ReleaseTarget.parse(releaseTo));
    InputFile input = InputFile.check(file, Column.MESSAGE, Column.RECIPIENT);
    Source from = source == null ? Source.valueOf(ExportKind.of(input.header()).source())
        : Options.parse(() -> Source.fromOption(source));
    if (summaryJson != null) {
      refuseUnwritable(summaryJson);
    }

    JobParameters parameters = new JobParametersBuilder()
        .addString(RunParameters.INPUT, input.path().toString(), false)
        .addString(RunParameters.INPUT_SHA256, input.sha256())
        .addString(ReleaseParameters.OPERATOR, actor.upn())
        .addString(ReleaseParameters.ACTION, type.option())
        .addString(ReleaseParameters.RELEASE_TO, target.option())
        .addString(ReleaseParameters.FORCE, Boolean.toString(force))
        .addString(ReleaseParameters.NAME, name == null ? "" : name)
        .addString(ReleaseParameters.SOURCE, from.name())
        .addString(ReleaseParameters.TENANT, store.tenant.toAbsolutePath().toString(), false)
        .toJobParameters();

    try (Workspace workspace = Workspace.open(store.database())) {
      RunOutcome outcome = workspace.bean(Runs.class)
          .startOrResume(workspace.bean(ReleaseJobConfiguration.JOB_NAME, Job.class), parameters);
      ActionReport report = report(workspace.bean(ActionStore.class), outcome);
      System.out.print(report.text());
      Failures.explain(outcome.execution(), store.database().logFile());
      if (summaryJson != null) {
        report.writeJson(summaryJson);
      }
      return report.exitCode();
    }
  }

  /** Found out after the run, an unwritable summary would turn a completed release into a failed command. */
  private static void refuseUnwritable(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    boolean writable;
    try {
      Files.createDirectories(parent);
      writable = Files.exists(file) ? Files.isRegularFile(file) && Files.isWritable(file) : Files.isWritable(parent);
    } catch (IOException e) {
      writable = false;
    }
    if (!writable) {
      throw new Refusal("Cannot write the summary to " + file + "; pass --summary-json a file in a folder you can write to.");
    }
  }

  static ActionReport report(ActionStore actions, RunOutcome outcome) {
    JobExecution execution = outcome.execution();
    ActionRecord action = actions.byJobInstance(execution.getJobInstance().getInstanceId()).orElseThrow();
    Duration elapsed = outcome.completedEarlier()
        ? Duration.between(action.createdAt(), action.finishedAt())
        : Duration.between(execution.getStartTime(), execution.getEndTime() == null
            ? LocalDateTime.now() : execution.getEndTime());
    long rows = outcome.completedEarlier() ? action.rowsRead()
        : execution.getStepExecutions().stream().mapToLong(step -> step.getReadCount()).sum();
    return new ActionReport(action, actions.counts(action.actionId()), elapsed, rows, outcome.completedEarlier());
  }
}
