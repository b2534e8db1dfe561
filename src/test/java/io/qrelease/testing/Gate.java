package io.qrelease.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.hsqldb.trigger.Trigger;

/**
 * An HSQLDB trigger that holds every write of the table it is on until its gate file exists, so
 * that a test can keep a run busy for as long as it needs: {@code CREATE TRIGGER NAME BEFORE
 * INSERT ON TABLE FOR EACH ROW CALL "io.qrelease.testing.Gate"}, opened by {@link #open}.
 */
public class Gate implements Trigger {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  public static Path file(String triggerName) {
    return Path.of(System.getProperty("java.io.tmpdir"), "qrelease-" + triggerName.toUpperCase() + ".open");
  }

  public static void open(String triggerName) throws IOException {
    Files.writeString(file(triggerName), "open");
  }

  @Override
  public void fire(int type, String triggerName, String tableName, Object[] oldRow, Object[] newRow) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!Files.exists(file(triggerName)) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
