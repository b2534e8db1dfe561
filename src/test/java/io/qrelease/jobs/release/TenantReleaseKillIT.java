package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.simulator.Fault;
import io.qrelease.simulator.Remediation;
import io.qrelease.simulator.SimulatedCopy;
import io.qrelease.simulator.TenantSimulator;
import io.qrelease.testing.AuditCounts;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.SimulatedTenant;
import io.qrelease.testing.SimulatedTenant.QuarantinedMessage;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application killed with kill -9 at three random points while it sends a move to the
 * Inbox to the tenant, and run again with the same command each time: the tenant ends as it does
 * after a clean run, and no entity went out in two accepted remediations but those of the one batch
 * in flight at each kill.
 */
class TenantReleaseKillIT {

  private static final int MESSAGES = 2_000;
  private static final int BATCH = 10;
  private static final int KILLS = 3;

  @TempDir
  Path folder;

  @Test
  void aMoveToInboxKilledThreeTimesWhileSendingIsResumedAndEndsAsACleanRunWithOnlyInFlightBatchesSentTwice()
      throws Exception {
    // given: the same campaign in two stores and two tenants, each remediation taking a little while
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<QuarantinedMessage> campaign = SimulatedTenant.campaign(MESSAGES, 1);
    Side clean = new Side(folder.resolve("clean"), campaign);
    Side killed = new Side(folder.resolve("killed"), campaign);

    try (TenantSimulator cleanTenant = clean.tenant; TenantSimulator killedTenant = killed.tenant) {
      assertThat(SeparateRun.packaged(clean.bench, clean.release).finish()).as("the clean run").isZero();

      // when: killed three times, each after a random number of further remediations was accepted
      int accepted = 0;
      for (int kill = 0; kill < KILLS; kill++) {
        int killAt = accepted + 5 + random.nextInt(40);
        SeparateRun run = SeparateRun.packaged(killed.bench, killed.release);
        awaitRemediations(killedTenant, killAt, run);
        run.kill();
        accepted = killedTenant.remediations().size();
      }
      SeparateRun last = SeparateRun.packaged(killed.bench, killed.release);
      int exitCode = last.finish();

      // then
      assertThat(exitCode).as("seed %d: %s", seed, last.output()).isZero();
      assertThat(outcomes(killedTenant)).as("seed %d", seed).isEqualTo(outcomes(cleanTenant));
      Map<Remediation.Entity, Integer> timesSent = new HashMap<>();
      killedTenant.remediations().forEach(remediation -> remediation.entities().forEach(
          entity -> timesSent.merge(entity, 1, Integer::sum)));
      assertThat(timesSent).as("seed %d", seed).hasSize(MESSAGES);
      assertThat(timesSent.values().stream().filter(times -> times > 1).count()).as("seed %d", seed)
          .isLessThanOrEqualTo(KILLS * BATCH);
      assertThat(killed.bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'"))
          .as("seed %d", seed).isEqualTo(MESSAGES);
      assertThat(killed.bench.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(MESSAGES);
      assertThat(AuditCounts.kept(killed.bench)).as("seed %d", seed).isEqualTo(AuditCounts.counted(killed.bench));
    }
  }

  /** One store and its tenant. */
  private static final class Side {
    final Workbench bench;
    final TenantSimulator tenant;
    final String[] release;

    Side(Path folder, List<QuarantinedMessage> campaign) throws Exception {
      bench = new Workbench(folder);
      tenant = SimulatedTenant.start(folder.resolve("tenant"));
      Path export = bench.write("quarantine.csv", SimulatedTenant.quarantineExport(campaign));
      assertThat(bench.run("import", export.toString()).exitCode()).isZero();
      tenant.addQuarantineExport(export);
      tenant.fault("remediate", Fault.slow(Duration.ofMillis(40)), MESSAGES);
      bench.write("tenant.yml", Workbench.TENANT + SimulatedTenant.connection(tenant, "remediationBatch: " + BATCH));
      release = new String[] {"release", bench.write("selection.csv", SimulatedTenant.selection(campaign)).toString(),
          "--operator", "secops-admin@contoso.com", "--action", "move-to-inbox"};
    }
  }

  private static void awaitRemediations(TenantSimulator tenant, int count, SeparateRun run) throws Exception {
    Instant deadline = Instant.now().plus(SeparateRun.PATIENCE);
    while (tenant.remediations().size() < count) {
      if (!run.alive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("The run ended or stalled before " + count + " remediations: " + run.output());
      }
      Thread.sleep(5);
    }
  }

  private static Map<String, String> outcomes(TenantSimulator tenant) {
    Map<String, String> outcomes = new HashMap<>();
    for (SimulatedCopy copy : tenant.copies()) {
      outcomes.put(copy.networkMessageId() + " " + copy.recipient(),
          copy.location() + " " + copy.releaseStatus() + " " + copy.releasedUsers());
    }
    return outcomes;
  }
}
