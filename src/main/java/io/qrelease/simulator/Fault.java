package io.qrelease.simulator;

import java.time.Duration;

/**
 * What an endpoint does instead of serving a request, to test a client's handling of trouble; see
 * {@link TenantSimulator#fault(String, Fault, int)}.
 */
public record Fault(Kind kind, int status, Integer retryAfterSeconds, Duration delay) {

  public enum Kind {
    /** Answers the status with the endpoint's error body. */
    STATUS,
    /** Waits, then serves the request as usual. */
    SLOW,
    /** Closes the connection without answering. */
    RESET,
    /** Answers success with a body that is not the JSON expected (and for remediate, no Location). */
    MALFORMED
  }

  /** The status with the endpoint's error body and a Retry-After header of that many seconds. */
  public static Fault status(int status, int retryAfterSeconds) {
    return new Fault(Kind.STATUS, status, retryAfterSeconds, Duration.ZERO);
  }

  /** The status with the endpoint's error body and no Retry-After header. */
  public static Fault status(int status) {
    return new Fault(Kind.STATUS, status, null, Duration.ZERO);
  }

  /** 403: Exchange answers it with a body of NUL bytes, Graph with its error body. */
  public static Fault forbidden() {
    return status(403);
  }

  public static Fault slow(Duration delay) {
    return new Fault(Kind.SLOW, 0, null, delay);
  }

  public static Fault reset() {
    return new Fault(Kind.RESET, 0, null, Duration.ZERO);
  }

  public static Fault malformed() {
    return new Fault(Kind.MALFORMED, 0, null, Duration.ZERO);
  }
}
