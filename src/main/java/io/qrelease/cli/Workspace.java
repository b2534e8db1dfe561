package io.qrelease.cli;

import io.qrelease.QreleaseApplication;
import io.qrelease.jobs.RunningExecution;
import io.qrelease.jobs.RunsInFlight;
import io.qrelease.report.Terminal;
import io.qrelease.store.Database;
import io.qrelease.store.ReadingServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs and the store, opened on one database for the length of one command. On the embedded
 * database a command first takes the database's {@link RunLock}; holding it, the command knows
 * that a run still marked as running died with its process, and marks it failed so it can be
 * resumed.
 *
 * <p>Ctrl-C asks a running job to stop at its next chunk boundary ({@link StopOnSignal}).
 */
final class Workspace implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

  private final Database database;
  /** Null on a database that is not an embedded one. */
  private final RunLock runLock;
  private final ConfigurableApplicationContext context;
  private ReadingServer readingServer;

  private Workspace(Database database, RunLock runLock, ConfigurableApplicationContext context) {
    this.database = database;
    this.runLock = runLock;
    this.context = context;
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
    RunLock runLock = database.embeddedFile().map(file -> RunLock.take(database, file)).orElse(null);
    try {
      // Named as the main class because Spring finds the context prepared by the build beside it.
      ConfigurableApplicationContext context = new SpringApplicationBuilder(QreleaseApplication.class)
          .main(QreleaseApplication.class)
          .web(WebApplicationType.NONE)
          .registerShutdownHook(false)
          .run(asArguments(database.springProperties()));
      Workspace workspace = new Workspace(database, runLock, context);
      RunningExecution running = workspace.bean(RunningExecution.class);
      running.tell(new StopOnSignal(workspace.bean(JobOperator.class)));
      if (runLock != null) {
        workspace.bean(RunsInFlight.class).recoverDeadRuns();
        running.tell(new JobExecutionListener() {
          @Override
          public void beforeJob(JobExecution execution) {
            runLock.note("execution " + execution.getId() + " of the " + execution.getJobInstance().getJobName()
                + " job, in " + RunLock.holder());
          }
        });
      }
      return workspace;
    } catch (RuntimeException e) {
      if (runLock != null) {
        runLock.close();
      }
      if (RunLock.heldByAnotherProcess(e)) {
        // Not another qrelease run (that would have held the lock file): nothing to name.
        throw RunLock.inUse(database, "", e);
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
    } catch (RunLock.InUse held) {
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

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
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
        runLock.close();
      }
    }
  }
}
