package io.qrelease.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Option values checked before a command opens the database: a bad one is refused with what to give instead. */
final class Options {

  private static final Pattern AGE = Pattern.compile("([1-9][0-9]{0,5})([mhd])");

  private Options() {
  }

  static <T> T parse(Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage(), e);
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

  /** A duration such as 30m, 24h or 7d; null when the option was not given. */
  static Duration age(String option, String value) {
    if (value == null) {
      return null;
    }
    Matcher age = AGE.matcher(value.trim());
    if (!age.matches()) {
      throw new Refusal("Unknown " + option + " '" + value + "'; give minutes, hours or days such as 30m, 24h or 7d.");
    }
    long amount = Long.parseLong(age.group(1));
    return switch (age.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
