package io.qrelease.cli;

import java.nio.file.Path;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Tells the user, in one line, why a run did not complete and how to resume it. */
final class Failures {

  private Failures() {
  }

  static void explain(JobExecution execution, StoreOptions store) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      return;
    }
    Path logFile = store.database().logFile();
    String resume = "run the same command again, or " + store.command("restart", Long.toString(execution.getId()))
        + ", to resume from the last committed chunk";
    if (execution.getStatus() == BatchStatus.STOPPED) {
      store.err().println("The run was stopped at a chunk boundary; " + resume + ".");
      return;
    }
    Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String why = cause == null ? execution.getExitStatus().getExitDescription() : cause.getMessage();
    store.err().println("The run failed (" + firstLine(why) + "); " + resume + ". Details are in " + logFile + ".");
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "no reason recorded";
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).trim();
  }
}
