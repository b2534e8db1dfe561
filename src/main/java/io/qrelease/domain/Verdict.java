package io.qrelease.domain;

/** The fate of one entity: a result and, for a skip, the rule that caused it. */
public record Verdict(Result result, Reason reason) {

  public static final Verdict SUCCESS = new Verdict(Result.Success, null);
  public static final Verdict ALREADY_IN_DESTINATION = new Verdict(Result.AlreadyInDestination, null);

  public static Verdict skipped(Reason reason) {
    return new Verdict(Result.Skipped, reason);
  }
}
