package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.schedule.CronSchedule;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cron prints a crontab that cron accepts: one line per scheduled job, absolute paths, a log per job. */
class CronCommandFunctionalTest {

  /** A crontab entry: five time fields and the command, which must not hold a bare % (cron's newline). */
  static final Pattern ENTRY = Pattern.compile("(\\S+ \\S+ \\S+ \\S+ \\S+) ((?:[^%\\\\]|\\\\.)+)");
  static final Pattern ENVIRONMENT = Pattern.compile("[A-Z_]+=\\S+");

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void jobFiles() {
    bench = new Workbench(folder);
    bench.write("jobs/nightly.yml", """
        operator: analyst@contoso.com
        schedule: "30 2 * * *"
        input: exports/hunting-*.csv
        """);
    bench.write("jobs/hourly-rule.yml", """
        operator: secops-admin@contoso.com
        schedule: "*/15 8-18 * * MON-FRI"
        rule:
          senderDomains: [northwindtraders.com]
        """);
    bench.write("jobs/by-hand.yml", """
        operator: analyst@contoso.com
        input: exports/one-off.csv
        """);
  }

  @Test
  void everyScheduledJobGetsACrontabLineThatRunsItFromTheCheckoutWithItsOwnLog() {
    // when
    CommandRun run = bench.run("cron", "--jobs", folder.resolve("jobs").toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path checkout = Path.of("").toAbsolutePath();
    List<String> lines = run.out().lines().toList();
    for (String line : lines) {
      if (!line.startsWith("#")) {
        assertThat(ENVIRONMENT.matcher(line).matches() || ENTRY.matcher(line).matches())
            .as("a crontab line: " + line).isTrue();
      }
    }
    List<Matcher> entries = lines.stream().filter(line -> !line.startsWith("#")).map(ENTRY::matcher)
        .filter(Matcher::matches).toList();
    assertThat(entries).extracting(entry -> CronSchedule.parse(entry.group(1)).text())
        .containsExactly("*/15 8-18 * * MON-FRI", "30 2 * * *");
    assertThat(entries).extracting(entry -> entry.group(2)).containsExactly(
        command(checkout, "hourly-rule"), command(checkout, "nightly"));
    assertThat(lines).contains("SHELL=/bin/bash")
        .anyMatch(line -> line.startsWith("PATH=" + System.getProperty("java.home")))
        .contains("# " + folder.resolve("jobs/by-hand.yml") + " has no schedule; run it with ./run.sh run "
            + folder.resolve("jobs/by-hand.yml") + " --db " + bench.dbUrl() + " --tenant " + folder.resolve("tenant.yml"));
  }

  @Test
  void anInvalidJobFileIsRefusedRatherThanLeftOutOfTheCrontab() {
    // given
    bench.write("jobs/broken.yml", "operator: analyst@contoso.com\nschedule: \"61 * * * *\"\ninput: x.csv\n");

    // when
    CommandRun run = bench.run("cron", "--jobs", folder.resolve("jobs").toString());

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(folder.resolve("jobs/broken.yml") + ":2: schedule: ")
        .contains("before scheduling the jobs");
  }

  @Test
  void cronListsEveryBrokenJobFileWithEachProblemAsValidateDoesAndPrintsNoCrontab() {
    // given
    Path hour = bench.write("jobs/a-hour.yml", "operator: analyst@contoso.com\nschedule: \"30 25 * * MON-FRI\"\n"
        + "input: x.csv\n");
    Path quote = bench.write("jobs/b-quote.yml", "operator: analyst@contoso.com\ninput: x.csv\n"
        + "description: \"unclosed\n");
    Path two = bench.write("jobs/c-two.yml", "operator: intern@contoso.com\nshedule: \"0 6 * * *\"\ninput: x.csv\n");

    // when
    CommandRun run = bench.run("cron", "--jobs", folder.resolve("jobs").toString());
    CommandRun validate = bench.run("validate", two.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).as(run.toString()).containsExactly(
        hour + ":2: schedule: the hour 25 in '30 25 * * MON-FRI' is out of range; an hour is 0-23.",
        quote + ":3: a quote opened here is never closed; close it.",
        two + ":1: operator intern@contoso.com is not in the tenant file; add them there or name another operator.",
        two + ":2: unknown key 'shedule'; the keys of a job file are action, description, dryRun, input, maxRows,"
            + " name, operator, releaseTo, rule, schedule.",
        "3 job files have problems; fix them before scheduling the jobs (./run.sh validate FILE --db " + bench.dbUrl()
            + " --tenant " + folder.resolve("tenant.yml") + " checks one file).");
    assertThat(validate.err().lines().limit(2)).containsExactlyElementsOf(run.err().lines().skip(2).limit(2).toList());
  }

  @Test
  void aTenantFileAmongTheJobsIsNotTakenForAJobWhateverItsNameAndWhicheverTenantIsGiven() {
    // given: the workbench's commands name the tenant file beside the jobs folder, not these
    bench.write("jobs/tenant.yml", Workbench.TENANT);
    bench.write("jobs/partners.yml", Workbench.TENANT.replace("acceptedDomains: [contoso.com]\n", ""));

    // when
    CommandRun run = bench.run("cron", "--jobs", folder.resolve("jobs").toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).doesNotContain(folder.resolve("jobs/tenant.yml").toString(), "partners");
    assertThat(run.out().lines().filter(line -> !line.startsWith("#") && ENTRY.matcher(line).matches())).hasSize(2);
  }

  private String command(Path checkout, String job) {
    // The log beside the database the jobs run on.
    return "cd '" + checkout + "' && mkdir -p '" + folder.resolve("db/logs") + "' && ./run.sh run '"
        + folder.resolve("jobs/" + job + ".yml") + "' --db '" + bench.dbUrl() + "' --tenant '"
        + folder.resolve("tenant.yml") + "' >> '" + folder.resolve("db/logs/" + job + ".log") + "' 2>&1";
  }
}
