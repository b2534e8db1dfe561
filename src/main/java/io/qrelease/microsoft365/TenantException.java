package io.qrelease.microsoft365;

/**
 * Microsoft 365 did not do what was asked, and retrying will not change that soon: refused,
 * unreachable after every attempt, or answered with something qrelease cannot read. The message is
 * one sentence for the operator, naming the call; it never holds a secret or a token.
 */
public class TenantException extends RuntimeException {

  public TenantException(String message) {
    super(message);
  }

  public TenantException(String message, Throwable cause) {
    super(message, cause);
  }
}
