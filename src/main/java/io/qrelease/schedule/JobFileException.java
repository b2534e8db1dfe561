package io.qrelease.schedule;

import java.nio.file.Path;
import java.util.List;

/** A job file that cannot run as written; each problem names its line and what to fix. */
public class JobFileException extends RuntimeException {

  private final transient List<JobFile.Problem> problems;

  public JobFileException(Path file, List<JobFile.Problem> problems) {
    super(summary(file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<JobFile.Problem> problems() {
    return problems;
  }

  private static String summary(Path file, List<JobFile.Problem> problems) {
    String first = problems.get(0).describe(file);
    return problems.size() == 1 ? first
        : first + " (and " + (problems.size() - 1) + " more: ./run.sh validate " + file + " lists them all)";
  }
}
