package io.qrelease.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded database held open by another process, as a second qrelease run would hold it.
 * Within one JVM every connection to the same file URL shares one database, so only another
 * process meets HSQLDB's file lock.
 */
public final class HeldDatabase implements AutoCloseable {

  static final String OPEN = "open";
  private static final long WAIT_SECONDS = 30;

  private final Process process;

  private HeldDatabase(Process process) {
    this.process = process;
  }

  /** Returns once the other process has the database open. */
  public static HeldDatabase byAnotherProcess(String dbUrl) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HeldDatabase.class.getName(), dbUrl)
        .redirectErrorStream(true)
        .start();
    HeldDatabase held = new HeldDatabase(process);
    try {
      held.awaitOpen();
    } catch (RuntimeException e) {
      held.close();
      throw e;
    }
    return held;
  }

  private void awaitOpen() {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      CompletableFuture.runAsync(() -> readUntilOpen(output)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The holding process did not open the database in " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the holding process", e);
    }
  }

  private static void readUntilOpen(BufferedReader output) {
    StringBuilder said = new StringBuilder();
    try {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.equals(OPEN)) {
          return;
        }
        said.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("The holding process ended before opening the database:\n" + said);
  }

  /** Lets the other process shut the database down cleanly, so its lock file goes with it. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The other process: opens the database, says so, and holds it until its input closes. */
  public static void main(String[] args) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(args[0] + ";hsqldb.tx=mvcc", "SA", "")) {
      System.out.println(OPEN);
      System.out.flush();
      while (System.in.read() >= 0) {
        // Holding: the test closes this process's input when it is done.
      }
      connection.createStatement().execute("SHUTDOWN");
    }
  }
}
