package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A time span reads the same on the command line (actions --since) and in a job file (receivedWithin). */
class TimeSpanFunctionalTest {

  static final String RULE = """
      operator: secops-admin@contoso.com
      dryRun: true
      rule:
        senderDomains: [northwindtraders.com]
        receivedWithin: %s
      """;

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void bench() {
    bench = new Workbench(folder);
  }

  @Test
  void weeksAreTakenBySinceAsByReceivedWithin() {
    // given
    Path job = bench.write("jobs/fortnight.yml", RULE.formatted("2w"));

    // when
    CommandRun run = bench.run("run", job.toString(), "--as-of", "2026-11-26T06:00:00Z");
    CommandRun actions = bench.run("actions", "--since", "2w");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("copies received from 2026-11-12T06:00:00Z to 2026-11-26T06:00:00Z"
        + " (receivedWithin 14d)");
    assertThat(actions.exitCode()).as(actions.toString()).isZero();
    assertThat(actions.out()).contains("CustomDetection");
  }

  @Test
  void aSpanThatIsNoneOfTheFormsIsRefusedWithTheSameFormsInBothPlaces() {
    // given
    Path job = bench.write("jobs/years.yml", RULE.formatted("2y"));

    // when
    CommandRun actions = bench.run("actions", "--since", "2y");
    CommandRun validate = bench.run("validate", job.toString());

    // then
    Screen.assertRefused(actions);
    assertThat(actions.err()).isEqualTo("--since: '2y' is not a time span such as 90m, 24h, 7d or 2w; correct the"
        + " value.\n");
    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
    assertThat(validate.err()).startsWith(job + ":5: receivedWithin: '2y' is not a time span such as 90m, 24h, 7d"
        + " or 2w; correct the value.\n");
  }
}
