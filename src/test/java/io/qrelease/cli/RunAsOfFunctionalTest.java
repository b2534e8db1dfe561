package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --as-of takes a date or an ISO date-time in the past, and says which forms it takes otherwise. */
class RunAsOfFunctionalTest {

  @TempDir
  Path folder;
  Workbench bench;
  Path job;

  @BeforeEach
  void ruleWithoutScheduleWhoseWindowEndsAtTheRunTime() {
    bench = new Workbench(folder);
    job = bench.write("jobs/rule.yml", """
        operator: secops-admin@contoso.com
        dryRun: true
        rule:
          senderDomains: [northwindtraders.com]
        """);
  }

  @Test
  void aPlainDateIsItsStartOfDayInThisMachinesTimeZone() {
    // when
    CommandRun run = bench.run("run", job.toString(), "--as-of", "2026-11-26");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(" to " + LocalDate.of(2026, 11, 26).atStartOfDay(ZoneId.systemDefault()).toInstant()
        + " (30d, as the rule has no schedule)");
  }

  @Test
  void aDateTimeWithoutAnOffsetIsUtcAndOneWithAnOffsetIsThatInstant() {
    // when
    CommandRun utc = bench.run("run", job.toString(), "--as-of", "2026-11-26T05:40");
    CommandRun offset = bench.run("run", job.toString(), "--as-of", "2026-11-26T07:40:00+02:00");

    // then
    assertThat(utc.exitCode()).as(utc.toString()).isZero();
    assertThat(utc.out()).contains(" to 2026-11-26T05:40:00Z (30d, as the rule has no schedule)");
    assertThat(offset.exitCode()).as(offset.toString()).isZero();
    assertThat(offset.out()).contains(" to 2026-11-26T05:40:00Z (30d, as the rule has no schedule)");
  }

  @Test
  void aTimeInTheFutureIsRefusedInOneSentenceBeforeAnythingStarts() {
    // given
    String tomorrow = LocalDate.now().plusDays(1).toString();

    // when
    CommandRun run = bench.run("run", job.toString(), "--as-of", tomorrow);

    // then
    Screen.assertRefused(run);
    assertThat(run.err()).isEqualTo("--as-of " + tomorrow + " is in the future; give a time up to now, or leave"
        + " --as-of out to run the current window.\n");
    assertThat(folder.resolve("db")).doesNotExist();
  }

  @Test
  void aValueThatIsNoTimeIsRefusedNamingTheFormsAccepted() {
    // when
    CommandRun words = bench.run("run", job.toString(), "--as-of", "yesterday");
    CommandRun european = bench.run("run", job.toString(), "--as-of", "26.11.2026");

    // then
    Screen.assertRefused(words, european);
    assertThat(words.err()).isEqualTo("--as-of 'yesterday' is not a time; give a date such as 2026-11-26 (its start"
        + " of day in this machine's time zone) or an ISO-8601 date-time such as 2026-11-26T07:00:00Z (UTC without an"
        + " offset).\n");
    assertThat(european.err()).startsWith("--as-of '26.11.2026' is not a time; give a date such as 2026-11-26");
  }
}
