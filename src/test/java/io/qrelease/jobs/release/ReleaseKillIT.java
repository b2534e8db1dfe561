package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.AuditCounts;
import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged application, with a 256 MiB heap, killed with kill -9 at three random points of a
 * 100,000-row release — during start-up, once chunks are committed, and at a random moment of
 * the step, wherever a chunk then stands — and each time run again with the same command: it
 * ends exactly as a clean run of the same input, with no entity audited twice and no copy
 * released twice.
 */
class ReleaseKillIT {

  static final int COPIES = 100_000;

  @TempDir
  Path folder;

  @Test
  void aReleaseKilledThreeTimesIsResumedByTheSameCommandAndEndsLikeACleanRun() throws Exception {
    // given: one imported campaign, copied into two stores
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Workbench clean = Campaign.imported(folder, "clean", COPIES);
    Workbench killed = new Workbench(folder.resolve("killed"));
    FileSystemUtils.copyRecursively(folder.resolve("clean/db"), folder.resolve("killed/db"));
    String[] release = {"release", folder.resolve("campaign/campaign-hunting.csv").toString(),
        "--operator", "analyst@contoso.com"};
    assertThat(SeparateRun.packaged(clean, release).finish()).as("the clean run").isZero();

    // when: killed during start-up
    SeparateRun starting = SeparateRun.packaged(killed, release);
    Thread.sleep(200 + random.nextInt(1_300));
    starting.kill();

    // and: killed once some chunks are committed, while a second run is refused at once
    SeparateRun committing = SeparateRun.packaged(killed, release);
    committing.awaitTransactionLog(killed, 1_000_000 + random.nextInt(3_000_000));
    Instant secondStart = Instant.now();
    CommandRun second = killed.run(release);
    Duration secondTook = Duration.between(secondStart, Instant.now());
    assertThat(committing.alive()).as("seed %d: the run to kill is still running", seed).isTrue();
    committing.kill();

    // and: killed at a random moment of the step
    SeparateRun stepping = SeparateRun.packaged(killed, release);
    stepping.awaitTransactionLog(killed, 500_000);
    Thread.sleep(random.nextInt(1_500));
    stepping.kill();

    // and: run once more to the end
    SeparateRun last = SeparateRun.packaged(killed, release);
    int exitCode = last.finish();

    // then
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
    assertThat(second.err()).contains("is in use by another qrelease run");
    assertThat(secondTook).isLessThan(Duration.ofSeconds(5));
    assertThat(exitCode).as("seed %d: %s", seed, last.output()).isZero();
    assertThat(killed.count("SELECT COUNT(*) FROM action_audit")).as("seed %d", seed).isEqualTo(COPIES);
    assertThat(killed.count("SELECT COUNT(*) FROM email_action")).isEqualTo(1);
    assertThat(killed.count("SELECT COUNT(*) FROM mail_copy WHERE released_by IS NOT NULL"))
        .isEqualTo(killed.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'"));
    assertThat(StoreSnapshot.of(killed)).as("seed %d", seed).isEqualTo(StoreSnapshot.of(clean));
    assertThat(AuditCounts.kept(killed)).as("seed %d", seed).isEqualTo(AuditCounts.counted(killed));
  }
}
