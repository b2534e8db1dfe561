package io.qrelease;

import io.qrelease.app.Refused;
import io.qrelease.cli.QreleaseCommand;
import io.qrelease.input.InputRefusedException;
import io.qrelease.jobs.ExitCode;
import io.qrelease.report.Terminal;
import io.qrelease.store.Database;
import io.qrelease.tenant.TenantFileException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command line: every outcome is an exit code and, for an error, one sentence on the terminal. */
public final class Qrelease {

  private Qrelease() {
  }

  /** How long a run stopped by a signal may take to reach its chunk boundary and print its summary. */
  private static final Duration STOP_PATIENCE = Duration.ofMinutes(3);

  public static void main(String[] args) {
    QreleaseApplication.usePreparedContext();
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> exitAfterSignal(exitCode), "qrelease-exit"));
    int code = run(System.out, System.err, args);
    exitCode.complete(code);
    System.exit(code);
  }

  /**
   * The JVM ends a process that Ctrl-C or SIGTERM shut down with 130 or 143, whatever the command
   * decides meanwhile; the stopped run ends with the exit code its summary prints (1: resume it), so
   * that cron and scripts see the same outcome as the terminal.
   */
  private static void exitAfterSignal(CompletableFuture<Integer> exitCode) {
    if (exitCode.isDone()) {
      return;
    }
    int code;
    try {
      code = exitCode.get(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      code = ExitCode.FAILED.code();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = ExitCode.FAILED.code();
    }
    Runtime.getRuntime().halt(code);
  }

  /** Runs one command, printing on these streams: nothing else is printed anywhere. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine line = new CommandLine(new QreleaseCommand()).setUsageHelpWidth(helpWidth(Terminal.width()))
        .setOut(writer(out)).setErr(writer(err));
    line.setParameterExceptionHandler((error, arguments) -> {
      CommandLine command = error.getCommandLine();
      command.getOut().flush();
      command.getErr().println(error.getMessage() + "; see '" + command.getCommandSpec().qualifiedName() + " --help'.");
      return ExitCode.REFUSED.code();
    });
    line.setExecutionExceptionHandler((error, command, parsed) -> {
      command.getOut().flush();
      if (refusal(error)) {
        command.getErr().println(error.getMessage());
        return ExitCode.REFUSED.code();
      }
      Path log = logError(error, logFile(parsed));
      command.getErr().println("qrelease failed: " + error + "; the details are in " + log + ".");
      return ExitCode.FAILED.code();
    });
    int exitCode = line.execute(args);
    line.getOut().flush();
    line.getErr().flush();
    return exitCode;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** Help fills a narrow terminal, down to the 55 columns picocli lays it out in; past 100 lines get hard to read. */
  private static int helpWidth(int terminalWidth) {
    return Math.max(55, Math.min(100, terminalWidth));
  }

  private static boolean refusal(Throwable error) {
    return error instanceof Refused || error instanceof InputRefusedException || error instanceof TenantFileException;
  }

  /** The log beside the database the command was given, or beside the default one when that cannot be used. */
  private static Path logFile(ParseResult parsed) {
    try {
      return Database.resolve(dbOption(parsed)).logFile();
    } catch (IllegalArgumentException unusable) {
      return Database.of(Database.DEFAULT_URL).logFile();
    }
  }

  /** The --db of the innermost command that was given one, so the error is logged beside that database. */
  private static String dbOption(ParseResult parsed) {
    String db = null;
    for (ParseResult command = parsed; command != null; command = command.subcommand()) {
      db = command.matchedOptionValue("--db", db);
    }
    return db;
  }

  /** Stack traces go to the log file, never to the terminal. */
  private static Path logError(Throwable error, Path log) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, Instant.now() + " ERROR " + trace, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      return Path.of("(no log: " + ignored.getMessage() + ")");
    }
    return log;
  }
}
