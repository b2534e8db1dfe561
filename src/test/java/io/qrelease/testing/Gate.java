package io.qrelease.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.hsqldb.trigger.Trigger;

/**
 * An HSQLDB trigger that holds every write of the table it is on until its gate file exists, so
 * that a test can keep a run busy for as long as it needs: {@code CREATE TRIGGER NAME BEFORE
 * INSERT ON TABLE FOR EACH ROW CALL "io.qrelease.testing.Gate"}, opened by {@link #open}. While
 * it holds a write it says so in a second file, which {@link #awaitHeld} waits for.
 */
public class Gate implements Trigger {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  public static Path file(String triggerName) {
    return signal(triggerName, "open");
  }

  public static Path heldFile(String triggerName) {
    return signal(triggerName, "held");
  }

  private static Path signal(String triggerName, String state) {
    return Path.of(System.getProperty("java.io.tmpdir"), "qrelease-" + triggerName.toUpperCase() + "." + state);
  }

  public static void open(String triggerName) throws IOException {
    Files.writeString(file(triggerName), "open");
  }

  /** Returns once the run, in whichever process, has come to a write the gate holds. */
  public static void awaitHeld(String triggerName) throws InterruptedException {
    if (!appears(heldFile(triggerName))) {
      throw new AssertionError("No write came to the gate " + triggerName + " within " + PATIENCE);
    }
  }

  /** Whether the file exists within the gate's patience. */
  private static boolean appears(Path file) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!Files.exists(file)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void fire(int type, String triggerName, String tableName, Object[] oldRow, Object[] newRow) {
    if (!Files.exists(file(triggerName))) {
      try {
        Files.writeString(heldFile(triggerName), "held");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      // A gate nobody opens lets the write through after its patience rather than hang the run.
      appears(file(triggerName));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
