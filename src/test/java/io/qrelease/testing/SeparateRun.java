package io.qrelease.testing;

import io.qrelease.Qrelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run in a JVM of its own with the heap a small server would give it, as cron or an
 * analyst runs it, so that a test can kill it, stop it or hold the database with it.
 */
public final class SeparateRun {

  public static final Duration PATIENCE = Duration.ofMinutes(4);

  private final Process process;
  private final Path output;

  private SeparateRun(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** The command line from the test classpath. */
  public static SeparateRun start(Workbench bench, String... args) {
    return start(bench, List.of("-cp", System.getProperty("java.class.path"), Qrelease.class.getName()), args);
  }

  /** The jar `mvn package` built, as it is shipped. */
  public static SeparateRun packaged(Workbench bench, String... args) {
    return start(bench, List.of("-jar", Path.of("target", "qrelease.jar").toAbsolutePath().toString()), args);
  }

  private static SeparateRun start(Workbench bench, List<String> program, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m"));
    // The tenant simulator's certificate, trusted as the tests' own JVM trusts it.
    for (String trust : List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
        "javax.net.ssl.trustStoreType")) {
      if (System.getProperty(trust) != null) {
        command.add("-D" + trust + "=" + System.getProperty(trust));
      }
    }
    command.addAll(program);
    command.addAll(List.of(args));
    command.addAll(List.of("--db", bench.dbUrl(), "--tenant", bench.folder().resolve("tenant.yml").toString()));
    Path output = bench.folder().resolve("output.txt");
    try {
      return new SeparateRun(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the database's transaction log shows some chunks of a release decided and
   * committed, past the staging of its selection (each chunk of a thousand entities logs a few
   * hundred kilobytes, staging a row about 150 bytes), while the run is still far from done.
   */
  public void awaitCommittedChunks(Workbench bench) throws InterruptedException, IOException {
    awaitTransactionLog(bench, 8_000_000);
  }

  /** Waits until the database's transaction log has grown past so many bytes. */
  public void awaitTransactionLog(Workbench bench, long bytes) throws InterruptedException, IOException {
    Path transactionLog = bench.folder().resolve("db/qrelease.log");
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      if (Files.exists(transactionLog) && Files.size(transactionLog) > bytes) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("The run ended or stalled before it was far enough along: " + output());
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** kill -9: the process gets no chance to clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
  }

  /** SIGTERM, which the JVM handles as it handles Ctrl-C's SIGINT: through its shutdown hooks. */
  public int terminate() throws InterruptedException {
    process.destroy();
    return finish();
  }

  public int finish() throws InterruptedException {
    if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("The run did not finish within " + PATIENCE + ": " + output());
    }
    return process.exitValue();
  }

  public String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
