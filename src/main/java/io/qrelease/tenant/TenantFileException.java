package io.qrelease.tenant;

/** A tenant file the jobs cannot trust; the message names the file and what to fix in it. */
public class TenantFileException extends RuntimeException {

  public TenantFileException(String message) {
    super(message);
  }

  public TenantFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
