package io.qrelease.jobs;

/** The process exit codes, so that cron and scripts can tell outcomes apart. */
public enum ExitCode {
  /** Completed; rows skipped by the rules are a normal outcome. */
  COMPLETED(0),
  /** The job failed and can be resumed by running the same command again. */
  FAILED(1),
  /** Refused before starting: usage, unknown operator, missing file or column, database in use. */
  REFUSED(2),
  /** Completed, but some rows were invalid or some writes failed. */
  COMPLETED_WITH_PROBLEMS(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
