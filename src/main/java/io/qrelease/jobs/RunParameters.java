package io.qrelease.jobs;

/** The names of the job parameters the jobs share. */
public final class RunParameters {

  /** Where the input is now; not identifying, so a moved file still resumes its run. */
  public static final String INPUT = "input";
  /** The input's content hash: the same content is the same run, a changed file a new one. */
  public static final String INPUT_SHA256 = "inputSha256";

  /** A preview: every rule is evaluated and audited, no copy changes. */
  public static final String DRY_RUN = "dryRun";

  /** Records in the input, counted when it was checked before the run: for progress. */
  public static final String INPUT_ROWS = "inputRows";

  /** The longest value Spring Batch records of one job parameter. */
  public static final int MAX_LENGTH = 2500;

  private RunParameters() {
  }
}
