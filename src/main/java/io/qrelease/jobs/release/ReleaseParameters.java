package io.qrelease.jobs.release;

/** The release job's own parameters; with the input's hash they identify a run. */
public final class ReleaseParameters {

  public static final String OPERATOR = "operator";
  public static final String ACTION = "action";
  public static final String RELEASE_TO = "releaseTo";
  public static final String FORCE = "force";
  public static final String NAME = "name";
  public static final String SOURCE = "source";
  /**
   * When a preview started: a preview tells what a release would do to the store as it is now, so
   * repeating one evaluates again instead of replaying an earlier preview, and each is a run of its own.
   */
  public static final String PREVIEW_STARTED = "previewStarted";
  /** The one message an email entity action is for, instead of an input file. */
  public static final String MESSAGE = "message";
  /** The filter of a custom detection rule, instead of an input file: see RuleSelection. */
  public static final String RULE = "rule";
  /** The received-time window a rule's run covers, [start, end), as ISO-8601 instants; a run is its window. */
  public static final String WINDOW_START = "windowStart";
  public static final String WINDOW_END = "windowEnd";
  /** Not identifying: roles and scopes are read afresh from the tenant file on every run. */
  public static final String TENANT = "tenant";

  private ReleaseParameters() {
  }
}
