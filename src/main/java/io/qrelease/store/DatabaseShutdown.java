package io.qrelease.store;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hsqldb.DatabaseManager;
import org.hsqldb.lib.HsqlTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shuts an embedded HSQLDB down before the pool closes: a database closed this way starts
 * again without replaying its log, and releases its lock for the next command at once.
 *
 * <p>A commit that takes HSQLDB's log past its size queues a checkpoint on HSQLDB's timer thread.
 * If that checkpoint starts while SHUTDOWN is closing the sessions, the two wait for each other's
 * lock (HSQLDB 2.7.3 and 2.7.4) and the command never ends. The timer runs its tasks one at a time,
 * in the order they are due, so SHUTDOWN waits until a task queued after that checkpoint has run.
 */
@Component
public class DatabaseShutdown implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseShutdown.class);

  /* A checkpoint of a store of tens of millions of copies writes gigabytes. */
  private static final long CHECKPOINT_WAIT_MINUTES = 10;

  private final JdbcTemplate jdbc;

  public DatabaseShutdown(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void destroy() {
    // Only a database in this process's files is this process's to shut down: an HSQLDB server, or the run
    // whose database a reading command reads through it, goes on serving others.
    String url = jdbc.execute((Connection connection) -> connection.getMetaData().getURL());
    if (url != null && url.startsWith("jdbc:hsqldb:file:")) {
      awaitQueuedCheckpoint();
      jdbc.execute("SHUTDOWN");
    }
  }

  private static void awaitQueuedCheckpoint() {
    CountDownLatch reached = new CountDownLatch(1);
    Object task = DatabaseManager.getTimer().scheduleAfter(0, reached::countDown);
    try {
      if (!reached.await(CHECKPOINT_WAIT_MINUTES, TimeUnit.MINUTES)) {
        HsqlTimer.cancel(task);
        LOG.warn("HSQLDB's timer was still busy after {} minutes; shutting the database down regardless.",
            CHECKPOINT_WAIT_MINUTES);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
