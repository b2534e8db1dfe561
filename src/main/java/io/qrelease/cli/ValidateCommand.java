package io.qrelease.cli;

import io.qrelease.jobs.ExitCode;
import io.qrelease.report.Count;
import io.qrelease.schedule.JobDefinition;
import io.qrelease.schedule.JobFile;
import io.qrelease.schedule.JobFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks a job file without running it: its keys, schedule, operator and role against the tenant"
        + " file, and a rule's filter. Lists every problem with its line; exits 2 when there is one.")
class ValidateCommand implements Callable<Integer> {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "JOB_FILE", description = "The job file, e.g. jobs/nightly-hunting.yml.")
  Path jobFile;

  @Override
  public Integer call() {
    JobDefinition job;
    try {
      job = JobFile.load(jobFile, store.loadTenant(), false);
    } catch (JobFileException e) {
      e.problems().forEach(problem -> System.err.println(problem.describe(jobFile)));
      System.err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
          + "; fix the job file and validate it again.");
      return ExitCode.REFUSED.code();
    }
    String what = job.isRule() ? "a custom detection rule" : "an input job over " + job.input();
    String when = job.scheduled().map(schedule -> "scheduled " + schedule + ", next at "
        + schedule.next(ZonedDateTime.now()).format(MINUTE)).orElse("not scheduled (run it with 'run')");
    System.out.printf("%s is valid: %s, %s; %s as %s, at most %s rows%s.%n", jobFile, what, when, job.action().option(),
        job.operator(), Count.of(job.maxRows()), job.dryRun() ? ", dry run" : "");
    return ExitCode.COMPLETED.code();
  }
}
