package io.qrelease.cli;

import java.nio.file.Path;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Tells the user, in one line, why a run did not complete and how to resume it. */
final class Failures {

  private Failures() {
  }

  static void explain(JobExecution execution, Path logFile) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      return;
    }
    Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String why = cause == null ? execution.getExitStatus().getExitDescription() : cause.getMessage();
    System.err.println("The run " + execution.getStatus().name().toLowerCase() + " (" + firstLine(why)
        + "); run the same command again to resume from the last committed chunk. Details are in " + logFile + ".");
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "no reason recorded";
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).trim();
  }
}
