package io.qrelease.cli;

import io.qrelease.QreleaseApplication;
import io.qrelease.jobs.RunningExecution;
import io.qrelease.jobs.RunsInFlight;
import io.qrelease.report.Terminal;
import io.qrelease.store.Database;
import io.qrelease.store.ReadingServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs and the store, opened on one database for the length of one command. On the embedded
 * database a command first takes an operating-system lock beside it, so a second run is refused
 * at once (HSQLDB's own lock would make it wait several seconds first) and the lock goes away
 * with a killed process; holding it, the command knows that a run still marked as running died
 * with its process, and marks it failed so it can be resumed. The holder writes into the lock
 * file which process it is and which execution it runs, so that the refusal can name them.
 *
 * <p>Ctrl-C asks a running job to stop at its next chunk boundary and waits for the command to
 * finish, so the run ends Stopped with every committed chunk kept and the database shut down.
 */
final class Workspace implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
  private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

  private final Database database;
  private final FileChannel runLock;
  private final ConfigurableApplicationContext context;
  private ReadingServer readingServer;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread interruption;

  private Workspace(Database database, FileChannel runLock, ConfigurableApplicationContext context) {
    this.database = database;
    this.runLock = runLock;
    this.context = context;
    this.interruption = new Thread(this::stopRunningJobs, "qrelease-interruption");
    Runtime.getRuntime().addShutdownHook(interruption);
  }

  /** The store for a command that runs jobs, whose steps show their progress on {@code out}. */
  static Workspace open(Database database, PrintWriter out) {
    Workspace workspace = open(database);
    ConfigurableApplicationContext context = workspace.context;
    context.getBeanFactory().registerSingleton("terminalProgress", new TerminalProgress(
        context.getEnvironment().getProperty("qrelease.progress-interval", Duration.class, Duration.ofSeconds(10)),
        System.console() != null, Terminal.width(), out));
    return workspace;
  }

  private static Workspace open(Database database) {
    FileChannel runLock = database.embeddedFile().map(file -> lock(database, file)).orElse(null);
    try {
      ConfigurableApplicationContext context;
      try (Database.Ahead opening = database.openAhead()) {
        // Named as the main class because Spring finds the context prepared by the build beside it.
        context = new SpringApplicationBuilder(QreleaseApplication.class)
            .main(QreleaseApplication.class)
            .web(WebApplicationType.NONE)
            .registerShutdownHook(false)
            .run(asArguments(database.springProperties()));
      }
      Workspace workspace = new Workspace(database, runLock, context);
      if (runLock != null) {
        workspace.bean(RunsInFlight.class).recoverDeadRuns();
        workspace.bean(RunningExecution.class).tell(execution -> note(runLock, execution + ", in " + holder()));
      }
      return workspace;
    } catch (RuntimeException e) {
      release(runLock);
      if (heldByAnotherProcess(e)) {
        // Not another qrelease run (that would have held the lock file): nothing to name.
        throw inUse(database, "", e);
      }
      throw e;
    }
  }

  /** Given as command-line arguments, settings outrank application.properties; defaults would not. */
  private static String[] asArguments(Map<String, Object> properties) {
    return properties.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
        .toArray(String[]::new);
  }

  /**
   * The store for a command that only reads: while a run holds the embedded database, read through
   * that run, which serves what it has committed; otherwise opened as every command opens it.
   */
  static Workspace openForReading(Database database) {
    try {
      return open(database);
    } catch (InUse held) {
      Optional<Database> served = database.servedForReading();
      if (served.isEmpty()) {
        throw held;
      }
      try {
        return open(served.get());
      } catch (RuntimeException unreachable) {
        // A run killed before it could take its account back leaves one that leads nowhere.
        LOG.info("Could not read the database through the run that holds it", unreachable);
        throw held;
      }
    }
  }

  /**
   * Serves this run's database to commands that only read, for as long as the run holds it. Only the
   * holder of the embedded database's lock serves it, once.
   */
  void serveReads() {
    if (runLock != null && readingServer == null) {
      try {
        readingServer = ReadingServer.start(database.embeddedFile().orElseThrow(), database.url(),
            bean(JdbcTemplate.class));
      } catch (RuntimeException e) {
        // A courtesy to other terminals: the run goes on without it, and they are told the database is in use.
        LOG.warn("Commands that only read cannot read the database while this run holds it", e);
      }
    }
  }

  private static FileChannel lock(Database database, Path file) {
    Path lockFile = lockFile(file);
    FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(database, lockNote(lockFile), null);
      }
      note(channel, holder());
      return channel;
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
  private static final class InUse extends Refusal {
    InUse(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** @param holder what the other run wrote into the lock file, or "" when unknown */
  private static InUse inUse(Database database, String holder, Throwable cause) {
    return new InUse("The database " + database.name() + " is in use by another qrelease run"
        + (holder.isBlank() ? "" : " (" + holder + ")")
        + "; wait for it to finish, or pass --db to use another database.", cause);
  }

  private static Path lockFile(Path database) {
    return database.resolveSibling(database.getFileName() + ".run.lock");
  }

  private static String holder() {
    return "process " + ProcessHandle.current().pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Written through the locked channel itself, so that no platform's lock keeps it out. */
  private static void note(FileChannel runLock, String text) {
    try {
      runLock.truncate(0);
      runLock.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
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
      if (context.isActive() && context.getBean(RunsInFlight.class).stopRunning()) {
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
      if (readingServer != null) {
        readingServer.close();
      }
      context.close();
    } finally {
      if (runLock != null) {
        note(runLock, "");
      }
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
