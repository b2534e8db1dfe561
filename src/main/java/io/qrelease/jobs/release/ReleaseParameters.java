package io.qrelease.jobs.release;

/** The release job's own parameters; with the input's hash they identify a run. */
public final class ReleaseParameters {

  public static final String OPERATOR = "operator";
  public static final String ACTION = "action";
  public static final String RELEASE_TO = "releaseTo";
  public static final String FORCE = "force";
  public static final String NAME = "name";
  public static final String SOURCE = "source";
  /** A preview: every rule is evaluated and audited, no copy changes. */
  public static final String DRY_RUN = "dryRun";
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
