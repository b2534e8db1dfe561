package io.qrelease.app;

/** A request refused before anything was written; its message tells the user what to do. */
public class Refused extends RuntimeException {

  public Refused(String message) {
    super(message);
  }

  public Refused(String message, Throwable cause) {
    super(message, cause);
  }
}
