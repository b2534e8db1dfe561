package io.qrelease.jobs;

/**
 * Where the steps of a job report how far they are, as each chunk commits: a front end shows it
 * as it sees fit. By default nobody is told.
 */
public interface ProgressReport {

  ProgressReport NONE = new ProgressReport() {
  };

  /**
   * A step begins.
   *
   * @param unit what its items are, as a count of them reads ("rows", "messages")
   * @param expected how many items the step has in all, 0 when unknown
   * @param done how many items earlier runs of the step committed
   */
  default void started(String unit, long expected, long done) {
  }

  /** A chunk committed: {@code done} items in all, at {@code perSecond} in this run. */
  default void advanced(long done, double perSecond) {
  }

  default void ended() {
  }
}
