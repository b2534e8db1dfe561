package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Gate;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.Workbench;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a run holds the embedded database, the commands that only read (the Action center, the
 * executions, the quarantine page) read it through that run, which serves what it has committed to
 * an account that may only read; a second run is still refused.
 */
class ReadingWhileARunHoldsTheDatabaseFunctionalTest {

  @TempDir
  Path folder;

  @Test
  void listingsReadTheDatabaseThroughTheRunThatHoldsItWhileASecondRunIsRefused() throws Exception {
    // given: a release held part-way, after two committed chunks
    Workbench bench = Campaign.imported(folder, "store", 5_000);
    Path hunting = folder.resolve("campaign/campaign-hunting.csv");
    String gate = "GATE_" + UUID.randomUUID().toString().replace("-", "");
    bench.execute("CREATE TRIGGER " + gate + " BEFORE INSERT ON action_audit REFERENCING NEW ROW AS entity"
        + " FOR EACH ROW WHEN (entity.line_number = 2500) CALL \"" + Gate.class.getName() + "\"");
    SeparateRun run = SeparateRun.start(bench, "release", hunting.toString(), "--operator", "analyst@contoso.com");
    Gate.awaitHeld(gate);

    // when
    CommandRun actions = bench.run("actions", "--json");
    CommandRun executions = bench.run("executions");
    CommandRun quarantine = bench.run("quarantine", "--released-by", "analyst@contoso.com", "--limit", "5000", "--json");
    CommandRun release = bench.run("release", hunting.toString(), "--operator", "secops-admin@contoso.com");
    boolean stillRunning = run.alive();
    Gate.open(gate);

    // then: what the two committed chunks released, and the run still InProgress
    assertThat(stillRunning).as("the run was still going when the listings read").isTrue();
    assertThat(actions.exitCode()).as(actions.toString()).isZero();
    assertThat(actions.out()).contains("\"status\" : \"InProgress\"");
    assertThat(executions.exitCode()).as(executions.toString()).isZero();
    assertThat(executions.out()).contains("STARTED");
    assertThat(quarantine.exitCode()).as(quarantine.toString()).isZero();
    assertThat(quarantine.out().split("\"networkMessageId\"", -1)).hasSizeBetween(1_000, 2_000);
    Screen.assertRefused(release);
    assertThat(release.err()).contains("is in use by another qrelease run");

    // when
    int exitCode = run.finish();

    // then: the account is gone with the run
    assertThat(exitCode).as(run.output()).isZero();
    assertThat(folder.resolve("store/db/qrelease.reader")).doesNotExist();
    assertThat(bench.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_USERS WHERE USER_NAME = 'QRELEASE_READER'"))
        .isZero();
    Files.deleteIfExists(Gate.file(gate));
    Files.deleteIfExists(Gate.heldFile(gate));
  }

  @Test
  void theReadersAccountIsReadableByItsOwnerAloneAndMayNotChangeTheStore() throws Exception {
    // given
    Workbench bench = Campaign.imported(folder, "store", 40_000);
    SeparateRun run = SeparateRun.start(bench, "release", folder.resolve("campaign/campaign-hunting.csv").toString(),
        "--operator", "analyst@contoso.com");
    run.awaitCommittedChunks(bench);
    Path accountFile = folder.resolve("store/db/qrelease.reader");
    Properties account = new Properties();
    try (InputStream in = Files.newInputStream(accountFile)) {
      account.load(in);
    }

    // when
    try (Connection reader = DriverManager.getConnection(account.getProperty("url"), account.getProperty("user"),
        account.getProperty("password"))) {

      // then
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(accountFile))).isEqualTo("rw-------");
      assertThat(account.getProperty("url")).startsWith("jdbc:hsqldb:hsql://127.0.0.1:");
      assertThatThrownBy(() -> reader.createStatement().executeUpdate("UPDATE mail_copy SET location = 'Inbox'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("lacks privilege");
      assertThatThrownBy(() -> reader.createStatement().execute("SHUTDOWN")).isInstanceOf(SQLException.class);
    } finally {
      run.kill();
    }
  }

  @Test
  void theAccountOfARunKilledWithKillNineLeadsNowhereAndTheNextCommandsOpenTheDatabaseAsUsual() throws Exception {
    // given
    Workbench bench = Campaign.imported(folder, "store", 40_000);
    Path hunting = folder.resolve("campaign/campaign-hunting.csv");
    SeparateRun run = SeparateRun.start(bench, "release", hunting.toString(), "--operator", "analyst@contoso.com");
    run.awaitCommittedChunks(bench);
    run.kill();

    // when
    CommandRun actions = bench.run("actions");
    CommandRun resumed = bench.run("release", hunting.toString(), "--operator", "analyst@contoso.com");

    // then
    assertThat(actions.exitCode()).as(actions.toString()).isZero();
    assertThat(actions.out()).contains("Failed");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(folder.resolve("store/db/qrelease.reader")).doesNotExist();
  }
}
