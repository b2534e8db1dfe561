package io.qrelease.input;

/**
 * A file that cannot be used at all: no header, a missing required column, text that is not
 * UTF-8. The message is one sentence for the user that says what to do; callers print it as is
 * and refuse before anything is written.
 */
public class InputRefusedException extends RuntimeException {

  public InputRefusedException(String message) {
    super(message);
  }

  public InputRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
