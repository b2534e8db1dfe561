package io.qrelease.cli;

import io.qrelease.QreleaseApplication;
import io.qrelease.store.Database;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jobs and the store, opened on one database for the length of one command. On the embedded
 * database a command first takes an operating-system lock beside it, so a second run is refused
 * at once (HSQLDB's own lock would make it wait several seconds first) and the lock goes away
 * with a killed process.
 */
final class Workspace implements AutoCloseable {

  private final FileChannel runLock;
  private final ConfigurableApplicationContext context;

  private Workspace(FileChannel runLock, ConfigurableApplicationContext context) {
    this.runLock = runLock;
    this.context = context;
  }

  static Workspace open(Database database) {
    FileChannel runLock = database.embeddedFile().map(file -> lock(database, file)).orElse(null);
    try {
      return new Workspace(runLock, new SpringApplicationBuilder(QreleaseApplication.class)
          .web(WebApplicationType.NONE)
          .properties(database.springProperties())
          .run());
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

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      release(runLock);
    }
  }
}
