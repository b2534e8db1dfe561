package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.hsqldb.DatabaseManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The end of every command: the embedded database shut down cleanly, even right after a commit that filled its log. */
class DatabaseShutdownTest {

  private static final int LOG_SIZE_MB = 1;

  @TempDir
  Path folder;

  @Test
  void theShutdownWaitsForTheCheckpointThatACommitPastTheLogSizeQueued() throws Exception {
    // given: HSQLDB's timer held, so that the checkpoint a commit queues cannot start yet
    String url = Database.of("jdbc:hsqldb:file:" + folder.resolve("db/qrelease")).url();
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "SA", "", true);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE CACHED TABLE filler (id INT PRIMARY KEY, text VARCHAR(1000))");
    jdbc.execute("SET FILES LOG SIZE " + LOG_SIZE_MB);
    CountDownLatch timerHeld = new CountDownLatch(1);
    CountDownLatch timerFree = new CountDownLatch(1);
    DatabaseManager.getTimer().scheduleAfter(0, () -> {
      timerHeld.countDown();
      awaitQuietly(timerFree);
    });
    timerHeld.await();
    try {
      String text = String.join("", Collections.nCopies(900, "x"));
      jdbc.batchUpdate("INSERT INTO filler VALUES (?, ?)", IntStream.range(0, 1_500)
          .mapToObj(id -> new Object[] {id, text}).toList());
      assertThat(Files.size(folder.resolve("db/qrelease.log"))).isGreaterThan(LOG_SIZE_MB * 1024L * 1024L);

      // when
      CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> new DatabaseShutdown(jdbc).destroy());

      // then: no SHUTDOWN while that checkpoint is queued, and a clean one after it
      assertThatThrownBy(() -> shutdown.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      assertThat(Files.exists(folder.resolve("db/qrelease.lck"))).isTrue();
      timerFree.countDown();
      shutdown.get(60, TimeUnit.SECONDS);
      assertThat(Files.exists(folder.resolve("db/qrelease.lck"))).isFalse();
      assertThat(Files.exists(folder.resolve("db/qrelease.log"))).isFalse();
    } finally {
      // HSQLDB's timer serves every database of the JVM.
      timerFree.countDown();
      dataSource.destroy();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
