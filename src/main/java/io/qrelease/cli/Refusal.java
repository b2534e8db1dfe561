package io.qrelease.cli;

/** A command refused before anything was written; its message tells the user what to do. */
public class Refusal extends RuntimeException {

  public Refusal(String message) {
    super(message);
  }

  public Refusal(String message, Throwable cause) {
    super(message, cause);
  }
}
