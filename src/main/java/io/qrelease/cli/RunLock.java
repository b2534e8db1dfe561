package io.qrelease.cli;

import io.qrelease.store.Database;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The operating-system lock a command takes beside an embedded database before it opens it: a
 * second run is refused at once (HSQLDB's own lock would make it wait several seconds first), and
 * the lock goes away with a killed process. The holder writes into the lock file which process it
 * is and which execution it runs, so that the refusal can name them.
 */
final class RunLock implements AutoCloseable {

  private final FileChannel channel;

  private RunLock(FileChannel channel) {
    this.channel = channel;
  }

  static RunLock take(Database database, Path file) {
    Path lockFile = lockFile(file);
    FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(database, lockNote(lockFile), null);
      }
      RunLock runLock = new RunLock(channel);
      runLock.note(holder());
      return runLock;
    } catch (OverlappingFileLockException e) {
      release(channel);
      throw inUse(database, lockNote(lockFile), e);
    } catch (IOException e) {
      release(channel);
      throw new Refusal("Cannot lock " + lockFile + " (" + e.getMessage() + "); check that its folder is writable.", e);
    } catch (Refusal e) {
      release(channel);
      throw e;
    }
  }

  /** The refusal of a database another process holds, which a command that only reads may get around. */
  static final class InUse extends Refusal {
    InUse(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** @param holder what the other run wrote into the lock file, or "" when unknown */
  static InUse inUse(Database database, String holder, Throwable cause) {
    return new InUse("The database " + database.name() + " is in use by another qrelease run"
        + (holder.isBlank() ? "" : " (" + holder + ")")
        + "; wait for it to finish, or pass --db to use another database.", cause);
  }

  private static Path lockFile(Path database) {
    return database.resolveSibling(database.getFileName() + ".run.lock");
  }

  static String holder() {
    return "process " + ProcessHandle.current().pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Written through the locked channel itself, so that no platform's lock keeps it out. */
  void note(String text) {
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      // The note only explains a refusal; the lock itself is what keeps a second run out.
    }
  }

  private static String lockNote(Path lockFile) {
    try {
      return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "";
    }
  }

  static boolean heldByAnotherProcess(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("lock acquisition failure")) {
        return true;
      }
    }
    return false;
  }

  private static void release(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing a lock file cannot lose data; the lock is gone with the channel either way.
      }
    }
  }

  /** Says no more who holds it, and lets it go. */
  @Override
  public void close() {
    note("");
    release(channel);
  }
}
