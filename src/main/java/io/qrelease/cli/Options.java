package io.qrelease.cli;

import java.util.function.Supplier;

/** Option values the domain parses: its message becomes the refusal the user sees. */
final class Options {

  private Options() {
  }

  static <T> T parse(Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage(), e);
    }
  }
}
