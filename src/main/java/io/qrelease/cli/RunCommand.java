package io.qrelease.cli;

import io.qrelease.app.InputFile;
import io.qrelease.app.RuleRuns;
import io.qrelease.app.SizeCap;
import io.qrelease.app.StartRun;
import io.qrelease.domain.Source;
import io.qrelease.input.Cells;
import io.qrelease.input.Column;
import io.qrelease.jobs.ExitCode;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.release.ReleaseJobConfiguration;
import io.qrelease.report.Count;
import io.qrelease.schedule.InputGlob;
import io.qrelease.schedule.JobDefinition;
import io.qrelease.schedule.JobFile;
import io.qrelease.schedule.JobFileException;
import io.qrelease.schedule.RuleWindow;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs a job file now, as cron does: an input job releases each matching file not yet released,"
        + " oldest first, resuming one that failed; a custom detection rule releases the copies its filter selects"
        + " in the current window of its schedule. Running it again in the same window resumes or does nothing.")
class RunCommand implements Callable<Integer> {

  private static final String AS_OF_DATE = "2026-11-26";
  private static final String AS_OF_TIME = "2026-11-26T07:00:00Z";
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** From best to worst: a run of several files ends with the worst of their outcomes. */
  private static final List<Integer> SEVERITY = List.of(ExitCode.COMPLETED.code(),
      ExitCode.COMPLETED_WITH_PROBLEMS.code(), ExitCode.FAILED.code(), ExitCode.REFUSED.code());

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "JOB_FILE", description = "The job file, e.g. jobs/nightly-hunting.yml.")
  Path jobFile;

  @Option(names = "--dry-run", description = "Evaluate and audit every entity as a preview; change no copy.")
  boolean dryRun;

  @Option(names = "--as-of", paramLabel = "TIME",
      description = "Run the window of the schedule that this time falls in, instead of now: to make up a window the"
          + " machine missed. A date (" + AS_OF_DATE + ", its start of day in this machine's time zone) or an ISO-8601"
          + " date-time (" + AS_OF_TIME + "; UTC unless it has an offset).")
  String asOf;

  @Override
  public Integer call() throws Exception {
    JobDefinition job;
    try {
      job = JobFile.load(jobFile, store.loadTenant(), dryRun);
    } catch (JobFileException e) {
      throw new Refusal(e.summary(store.command("validate", jobFile.toString())), e);
    }
    ZonedDateTime at = runTime();
    ActionOptions options = ActionOptions.of(job.operator(), job.action(), job.name(), dryRun || job.dryRun());
    SizeCap cap = SizeCap.of(job.maxRows(), "maxRows in " + jobFile);
    try (Workspace workspace = Workspace.open(store.database(), store.out())) {
      return job.isRule() ? runRule(workspace, job, options, cap, at) : runInputs(workspace, job, options, cap);
    }
  }

  /**
   * Now, or the time --as-of names. A date is its start of day in this machine's time zone, the
   * zone schedules fire in; a date-time without an offset is UTC, as every export's and listing's is.
   */
  private ZonedDateTime runTime() {
    ZonedDateTime now = ZonedDateTime.now();
    if (asOf == null) {
      return now;
    }
    String text = asOf.trim();
    ZonedDateTime at;
    try {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("--as-of is blank");
      }
      at = DATE.matcher(text).matches() ? LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault())
          : Cells.instant(text).atZone(ZoneId.systemDefault());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new Refusal("--as-of '" + asOf + "' is not a time; give a date such as " + AS_OF_DATE + " (its start of"
          + " day in this machine's time zone) or an ISO-8601 date-time such as " + AS_OF_TIME + " (UTC without an"
          + " offset).", e);
    }
    if (at.isAfter(now)) {
      throw new Refusal("--as-of " + asOf + " is in the future; give a time up to now, or leave --as-of out to run"
          + " the current window.");
    }
    return at;
  }

  private int runRule(Workspace workspace, JobDefinition job, ActionOptions options, SizeCap cap, ZonedDateTime at)
      throws Exception {
    RuleRuns.Plan plan = workspace.bean(RuleRuns.class).plan(job,
        options.parameters(store, Source.CustomDetection, job.releaseTo()), options.dryRun, at, cap);
    RuleWindow window = plan.window();
    long rows = plan.rows();
    store.out().printf("Custom detection rule %s: copies received from %s to %s (%s); %s selected now.%n",
        job.name(), window.start(), window.end(), window.lookback(), Count.of(rows));
    return JobReports.runRelease(workspace, store, plan.parameters());
  }

  /**
   * Every file is checked (columns, cap) before the first one runs, so that a refusal changes
   * nothing; then each runs in turn, and a failure leaves the rest for the next run.
   */
  private int runInputs(Workspace workspace, JobDefinition job, ActionOptions options, SizeCap cap) throws Exception {
    List<Path> files = InputGlob.matching(job.input());
    store.out().printf("Input job %s: %d %s %s, oldest first.%n", job.name(), files.size(),
        files.size() == 1 ? "file matches" : "files match", job.input());
    Map<Path, JobParameters> runs = new LinkedHashMap<>();
    List<Path> releasedEarlier = new ArrayList<>();
    List<Path> empty = new ArrayList<>();
    for (Path file : files) {
      InputFile input = InputFile.check(file, Column.MESSAGE, Column.RECIPIENT);
      InputFile.refuseQuarantineExport(file, input.header(), "keep it out of the folder the job's input names");
      if (input.records() == 0) {
        // An export of a day without false positives: nothing to do, and no reason to hold up the others.
        empty.add(file);
        continue;
      }
      JobParameters parameters = ReleaseCommand.parameters(store, options, input, null, job.releaseTo());
      if (completed(lastRun(workspace, parameters))) {
        releasedEarlier.add(file);
      } else {
        cap.refuseOver(input.records(), file.toString());
        workspace.bean(StartRun.class).refuseChangedInput(ReleaseJobConfiguration.JOB_NAME, parameters);
      }
      runs.put(file, parameters);
    }
    int exitCode = ExitCode.COMPLETED.code();
    int released = 0;
    List<Path> left = new ArrayList<>();
    empty.forEach(file -> store.out().printf("  %-10s %s  no rows, nothing to release%n", "file", file));
    for (Map.Entry<Path, JobParameters> run : runs.entrySet()) {
      if (exitCode == ExitCode.FAILED.code()) {
        left.add(run.getKey());
        store.out().printf("  %-10s %s  left for the next run%n", "file", run.getKey());
      } else if (releasedEarlier.contains(run.getKey())) {
        store.out().printf("  %-10s %s  already released%n", "file", run.getKey());
      } else {
        store.out().printf("  %-10s %s%n", "file", run.getKey());
        int fileExitCode = JobReports.runRelease(workspace, store, run.getValue());
        exitCode = worse(exitCode, fileExitCode);
        released += fileExitCode == ExitCode.FAILED.code() ? 0 : 1;
      }
    }
    int failed = exitCode == ExitCode.FAILED.code() ? 1 : 0;
    if (options.dryRun) {
      store.out().printf("Input job %s: %d previewed now, %d without rows, %d failed, %d left for the next run;"
          + " exit %d.%n", job.name(), released, empty.size(), failed, left.size(), exitCode);
    } else {
      store.out().printf("Input job %s: %d released now, %d released earlier, %d without rows, %d failed, %d left for"
          + " the next run; exit %d.%n", job.name(), released, releasedEarlier.size(), empty.size(), failed,
          left.size(), exitCode);
    }
    return exitCode;
  }

  private static Optional<JobExecution> lastRun(Workspace workspace, JobParameters parameters) {
    return workspace.bean(Runs.class).lastRun(workspace.bean(ReleaseJobConfiguration.JOB_NAME, Job.class), parameters);
  }

  private static boolean completed(Optional<JobExecution> last) {
    return last.filter(execution -> execution.getStatus() == BatchStatus.COMPLETED).isPresent();
  }

  private static int worse(int one, int other) {
    return SEVERITY.indexOf(one) >= SEVERITY.indexOf(other) ? one : other;
  }
}
