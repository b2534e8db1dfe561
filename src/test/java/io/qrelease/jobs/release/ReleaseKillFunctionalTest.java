package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.SeparateRun;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The release as a separate process with a 256 MiB heap, as cron or an analyst runs it: killed
 * with kill -9 part-way, it is resumed by the same command and ends exactly as a clean run does.
 */
class ReleaseKillFunctionalTest {

  static final int COPIES = 100_000;

  @TempDir
  Path folder;

  @Test
  void aReleaseKilledWithKill9IsResumedByTheSameCommandAndEndsLikeACleanRun() throws Exception {
    // given: one imported campaign of 100,000 copies, copied into two stores
    Campaign campaign = Campaign.write(folder.resolve("campaign"), COPIES);
    Workbench clean = new Workbench(folder.resolve("clean"));
    CommandRun imported = clean.run("import", campaign.quarantineExport().toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    Workbench killed = new Workbench(folder.resolve("killed"));
    FileSystemUtils.copyRecursively(folder.resolve("clean/db"), folder.resolve("killed/db"));
    String[] release = {"release", campaign.huntingExport().toString(), "--operator", "analyst@contoso.com"};

    // when: a clean run, and a run killed once it has committed some chunks, then run again
    assertThat(SeparateRun.start(clean, release).finish()).isZero();
    SeparateRun victim = SeparateRun.start(killed, release);
    victim.awaitCommittedChunks(killed);
    Instant secondStart = Instant.now();
    CommandRun second = killed.run(release);
    Duration secondTook = Duration.between(secondStart, Instant.now());
    victim.kill();
    CommandRun listed = killed.run("actions", "--json");
    SeparateRun resumed = SeparateRun.start(killed, release);

    // then: the second run meanwhile was refused at once, and the resumed run ends like the clean one
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
    assertThat(second.err()).contains("is in use by another qrelease run");
    assertThat(secondTook).isLessThan(Duration.ofSeconds(5));
    assertThat(listed.out()).as("a run whose process died is shown failed").contains("\"status\" : \"Failed\"");
    assertThat(resumed.finish()).as(resumed.output()).isZero();
    assertThat(killed.query("SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i"
        + " ON e.job_instance_id = i.job_instance_id WHERE i.job_name = 'release' ORDER BY e.job_execution_id"))
        .extracting(row -> row.get("status")).containsExactly("FAILED", "COMPLETED");
    assertThat(killed.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(COPIES);
    assertThat(StoreSnapshot.of(killed)).isEqualTo(StoreSnapshot.of(clean));
  }
}
