package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Gate;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduled run that starts while the previous one still runs is refused at once, naming that run. */
class OverlappingRunFunctionalTest {

  @TempDir
  Path folder;

  @Test
  void aRunStartedWhileAnotherHoldsTheDatabaseExitsTwoNamingTheRunningExecutionAndLosesNothing() throws Exception {
    // given: a rule whose run is held at its first write until the test lets it go
    Workbench bench = QuarantinedMail.imported(folder);
    Path job = bench.write("jobs/rule.yml", """
        operator: secops-admin@contoso.com
        rule:
          quarantineTypes: [Spam, Bulk]
        """);
    String gate = "GATE_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(bench.dbUrl() + ";shutdown=true", "SA", "")) {
      connection.createStatement().execute("CREATE TRIGGER " + gate + " BEFORE INSERT ON action_audit FOR EACH ROW"
          + " CALL \"" + Gate.class.getName() + "\"");
    }
    SeparateRun first = SeparateRun.start(bench, "run", job.toString(), "--as-of", "2026-11-26T12:00:00Z");
    awaitExecution(bench);

    // when
    Instant started = Instant.now();
    CommandRun second = bench.run("run", job.toString(), "--as-of", "2026-11-26T12:00:00Z");
    Duration took = Duration.between(started, Instant.now());
    Gate.open(gate);
    int firstExit = first.finish();
    CommandRun third = bench.run("run", job.toString(), "--as-of", "2026-11-26T12:00:00Z");

    // then
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
    assertThat(second.err().lines().toList()).as(second.toString()).hasSize(1);
    long execution = (Long) bench.query("SELECT job_execution_id FROM email_action").get(0).get("job_execution_id");
    assertThat(second.err()).contains("is in use by another qrelease run (execution " + execution
        + " of the release job, in process ").contains("; wait for it to finish");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(firstExit).as(first.output()).isZero();
    assertThat(third.exitCode()).as(third.toString()).isZero();
    assertThat(third.out()).contains("completed earlier; nothing was changed");
    assertThat(bench.query("SELECT result FROM action_audit ORDER BY network_message_id, recipient"))
        .extracting(row -> row.get("result")).containsExactly("Success", "Success", "Success");
    Files.deleteIfExists(Gate.file(gate));
  }

  /** The lock file names the execution once the job has started. */
  private static void awaitExecution(Workbench bench) throws Exception {
    Path note = bench.folder().resolve("db/qrelease.run.lock");
    Instant deadline = Instant.now().plus(SeparateRun.PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(note) && Files.readString(note).contains("of the release job")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The first run did not start its job in time");
  }
}
