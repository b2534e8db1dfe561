package io.qrelease.cli;

import io.qrelease.domain.ReleaseTarget;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Option values checked before a command opens the database: a bad one is refused with what to give instead. */
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

  /** The recipients --release-to names. */
  static ReleaseTarget releaseTo(String value) {
    try {
      return ReleaseTarget.parse(value);
    } catch (IllegalArgumentException e) {
      throw new Refusal("--release-to " + e.getMessage() + "; give one of these.", e);
    }
  }

  /** The constant the value names, ignoring case; null when the option was not given. */
  static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
    if (value == null) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equalsIgnoreCase(value.trim()))
        .findFirst()
        .orElseThrow(() -> new Refusal("Unknown " + option + " '" + value + "'; use one of "
            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
  }

  /**
   * The option's value as the parser reads it; null when the option was not given. A value the
   * parser refuses is refused with the option's name and the parser's words, which list the forms.
   */
  static <T> T value(String option, String value, Function<String, T> parser) {
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new Refusal(option + ": " + e.getMessage() + "; correct the value.", e);
    }
  }
}
