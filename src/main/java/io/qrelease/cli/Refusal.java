package io.qrelease.cli;

import io.qrelease.app.Refused;

/** A command refused before anything was written; its message tells the user what to do. */
public class Refusal extends Refused {

  public Refusal(String message) {
    super(message);
  }

  public Refusal(String message, Throwable cause) {
    super(message, cause);
  }
}
