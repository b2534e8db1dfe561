package io.qrelease.schedule;

import java.nio.file.Path;
import java.util.List;

/** A job file that cannot run as written; each problem names its line and what to fix. */
public class JobFileException extends RuntimeException {

  private final transient Path file;
  private final transient List<JobFile.Problem> problems;

  public JobFileException(Path file, List<JobFile.Problem> problems) {
    super(problems.get(0).describe(file) + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)"));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public List<JobFile.Problem> problems() {
    return problems;
  }

  /** The first problem, and when there are more, the command that lists them all. */
  public String summary(String validateCommand) {
    String first = problems.get(0).describe(file);
    return problems.size() == 1 ? first
        : first + " (and " + (problems.size() - 1) + " more: " + validateCommand + " lists them all)";
  }
}
