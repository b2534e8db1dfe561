package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.Qrelease;
import io.qrelease.testing.Campaign;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The release as a separate process with a 256 MiB heap, as cron or an analyst runs it: killed
 * with kill -9 part-way, it is resumed by the same command and ends exactly as a clean run does.
 */
class ReleaseKillFunctionalTest {

  static final int COPIES = 100_000;
  static final Duration PATIENCE = Duration.ofMinutes(4);

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
    assertThat(release(clean, release).waitFor()).isZero();
    Process victim = release(killed, release);
    awaitCommittedChunks(killed, victim);
    Instant secondStart = Instant.now();
    CommandRun second = killed.run(release);
    Duration secondTook = Duration.between(secondStart, Instant.now());
    victim.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
    Process resumed = release(killed, release);

    // then: the second run meanwhile was refused at once, and the resumed run ends like the clean one
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(2);
    assertThat(second.err()).contains("is in use by another qrelease run");
    assertThat(secondTook).isLessThan(Duration.ofSeconds(5));
    assertThat(finish(resumed)).as(output(killed)).isZero();
    assertThat(killed.query("SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i"
        + " ON e.job_instance_id = i.job_instance_id WHERE i.job_name = 'release' ORDER BY e.job_execution_id"))
        .extracting(row -> row.get("status")).containsExactly("FAILED", "COMPLETED");
    assertThat(killed.count("SELECT COUNT(*) FROM action_audit")).isEqualTo(COPIES);
    assertThat(StoreSnapshot.of(killed)).isEqualTo(StoreSnapshot.of(clean));
  }

  /** The packaged command line in a JVM of its own, with the heap a small server would give it. */
  private static Process release(Workbench bench, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), Qrelease.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--db", bench.dbUrl(), "--tenant", bench.folder().resolve("tenant.yml").toString()));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(bench.folder().resolve("output.txt").toFile())).start();
  }

  private static int finish(Process process) throws InterruptedException {
    if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("The release did not finish within " + PATIENCE);
    }
    return process.exitValue();
  }

  /**
   * Waits until the database's transaction log shows some chunks committed (each chunk of a
   * thousand entities logs a few hundred kilobytes) while the run is still far from done.
   */
  private static void awaitCommittedChunks(Workbench bench, Process process) throws Exception {
    Path transactionLog = bench.folder().resolve("db/qrelease.log");
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      if (Files.exists(transactionLog) && Files.size(transactionLog) > 3_000_000) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The release ended or stalled before it could be killed: " + output(bench));
  }

  private static String output(Workbench bench) {
    try {
      return Files.readString(bench.folder().resolve("output.txt"));
    } catch (IOException e) {
      return e.toString();
    }
  }
}
