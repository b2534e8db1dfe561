package io.qrelease.cli;

import io.qrelease.QreleaseApplication;
import io.qrelease.jobs.Runs;
import io.qrelease.store.Database;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jobs and the store, opened on one database for the length of one command. On the embedded
 * database a command first takes an operating-system lock beside it, so a second run is refused
 * at once (HSQLDB's own lock would make it wait several seconds first) and the lock goes away
 * with a killed process; holding it, the command knows that a run still marked as running died
 * with its process, and marks it failed so it can be resumed.
 *
 * <p>Ctrl-C asks a running job to stop at its next chunk boundary and waits for the command to
 * finish, so the run ends Stopped with every committed chunk kept and the database shut down.
 */
final class Workspace implements AutoCloseable {

  private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

  private final FileChannel runLock;
  private final ConfigurableApplicationContext context;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread interruption;

  private Workspace(FileChannel runLock, ConfigurableApplicationContext context) {
    this.runLock = runLock;
    this.context = context;
    this.interruption = new Thread(this::stopRunningJobs, "qrelease-interruption");
    Runtime.getRuntime().addShutdownHook(interruption);
  }

  static Workspace open(Database database) {
    FileChannel runLock = database.embeddedFile().map(file -> lock(database, file)).orElse(null);
    try {
      Workspace workspace = new Workspace(runLock, new SpringApplicationBuilder(QreleaseApplication.class)
          .web(WebApplicationType.NONE)
          .registerShutdownHook(false)
          .properties(database.springProperties())
          .run());
      if (runLock != null) {
        workspace.bean(Runs.class).recoverDeadRuns();
      }
      return workspace;
    } catch (RuntimeException e) {
      release(runLock);
      if (heldByAnotherProcess(e)) {
        throw inUse(database, e);
      }
      throw e;
    }
  }

  private static FileChannel lock(Database database, Path file) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".run.lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(database, null);
      }
      return channel;
    } catch (OverlappingFileLockException e) {
      release(channel);
      throw inUse(database, e);
    } catch (IOException e) {
      release(channel);
      throw new Refusal("Cannot lock " + lockFile + " (" + e.getMessage() + "); check that its folder is writable.", e);
    } catch (Refusal e) {
      release(channel);
      throw e;
    }
  }

  private static Refusal inUse(Database database, Throwable cause) {
    return new Refusal("The database " + database.name() + " is in use by another qrelease run;"
        + " wait for it to finish, or pass --db to use another database.", cause);
  }

  private static boolean heldByAnotherProcess(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("lock acquisition failure")) {
        return true;
      }
    }
    return false;
  }

  private static void release(FileChannel runLock) {
    if (runLock != null) {
      try {
        runLock.close();
      } catch (IOException ignored) {
        // Closing a lock file cannot lose data; the lock is gone with the channel either way.
      }
    }
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  private void stopRunningJobs() {
    try {
      if (context.isActive() && context.getBean(Runs.class).stopRunning()) {
        closed.await(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // Stopping is a courtesy: without it the run is resumed from its last commit just the same.
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      release(runLock);
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(interruption);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running and waits for this close; nothing to remove.
      }
    }
  }
}
