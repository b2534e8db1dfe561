package io.qrelease.cli;

import io.qrelease.jobs.ExitCode;
import io.qrelease.report.Count;
import io.qrelease.schedule.JobDefinition;
import io.qrelease.schedule.JobFile;
import io.qrelease.schedule.JobFileException;
import io.qrelease.tenant.Microsoft365;
import io.qrelease.tenant.Tenant;
import io.qrelease.tenant.TenantFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks a job file without running it: its keys, schedule, operator and role against the tenant"
        + " file, and a rule's filter. Lists every problem with its line; exits 2 when there is one. Given the"
        + " tenant file itself, checks it and warns of scope domains that are not accepted domains.")
class ValidateCommand implements Callable<Integer> {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "JOB_FILE", description = "The job file, e.g. jobs/nightly-hunting.yml.")
  Path jobFile;

  @Override
  public Integer call() {
    if (JobFile.isTenantFile(jobFile)) {
      return validateTenantFile();
    }
    JobDefinition job;
    try {
      job = JobFile.load(jobFile, store.loadTenant(), false);
    } catch (JobFileException e) {
      e.problems().forEach(problem -> store.err().println(problem.describe(jobFile)));
      store.err().println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
          + "; fix the job file and validate it again.");
      return ExitCode.REFUSED.code();
    }
    String what = job.isRule() ? "a custom detection rule" : "an input job over " + job.input();
    String when = job.scheduled().map(schedule -> "scheduled " + schedule + ", next at "
        + schedule.next(ZonedDateTime.now()).format(MINUTE)).orElse("not scheduled (run it with 'run')");
    store.out().printf("%s is valid: %s, %s; %s as %s, at most %s rows%s.%n", jobFile, what, when, job.action().option(),
        job.operator(), Count.of(job.maxRows()), job.dryRun() ? ", dry run" : "");
    return ExitCode.COMPLETED.code();
  }

  private int validateTenantFile() {
    Tenant tenant;
    try {
      tenant = Tenant.load(jobFile);
    } catch (TenantFileException e) {
      store.err().println(e.getMessage());
      store.err().println(jobFile + " is a tenant file, not a job file; fix it and validate it again.");
      return ExitCode.REFUSED.code();
    }
    store.printWarnings(jobFile, tenant);
    if (tenant.microsoft365().map(Microsoft365::credential).orElse(null) instanceof Microsoft365.ClientSecret secret
        && System.getenv(secret.variable()) == null) {
      store.err().println(jobFile + ": microsoft365.clientSecret names the environment variable " + secret.variable()
          + ", which is not set here; set it where qrelease runs.");
    }
    store.out().printf("%s is a tenant file, and valid: %d %s; %s%s.%n", jobFile, tenant.operators().size(),
        tenant.operators().size() == 1 ? "operator" : "operators", tenant.acceptedDomains().isEmpty()
            ? "no accepted domains, so scope domains are not checked against them"
            : "accepted domains " + String.join(", ", tenant.acceptedDomains()),
        tenant.microsoft365().map(connection -> "; " + connection(connection)).orElse(""));
    return ExitCode.COMPLETED.code();
  }

  private static String connection(Microsoft365 tenant) {
    String credential = tenant.credential() instanceof Microsoft365.ClientSecret secret
        ? "its client secret in $" + secret.variable()
        : "the certificate in " + ((Microsoft365.Certificate) tenant.credential()).pem();
    return "connects to Microsoft 365 tenant " + tenant.tenantId() + " as app " + tenant.clientId() + " with "
        + credential + ", through " + tenant.loginUrl() + ", " + tenant.graphUrl() + " and " + tenant.exchangeUrl();
  }
}
