package io.qrelease.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back to look, or how long to wait, as an operator writes it on the command line or in a
 * job file: a whole number of seconds, minutes, hours, days or weeks.
 */
public final class TimeSpan {

  /** Six digits reach back 19 years in weeks; more is a typo, and would overflow a time. */
  private static final Pattern SPAN = Pattern.compile("([0-9]{1,6})\\s*([smhdw])");

  private TimeSpan() {
  }

  /** 90m, 24h, 7d or 2w (or 45s, for a wait), ignoring case; the message of the exception names the value and the forms. */
  public static Duration parse(String text) {
    Matcher span = SPAN.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!span.matches() || Long.parseLong(span.group(1)) == 0) {
      throw new IllegalArgumentException("'" + text + "' is not a time span such as 90m, 24h, 7d or 2w");
    }
    long amount = Long.parseLong(span.group(1));
    return switch (span.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofDays(7 * amount);
    };
  }

  /** 30d, 48h, 90m, 45s: the largest of the units it is written in that shows the span whole. */
  public static String text(Duration duration) {
    if (duration.toSeconds() % 60 != 0) {
      return duration.toSeconds() + "s";
    }
    if (duration.toMinutes() % (24 * 60) == 0) {
      return duration.toDays() + "d";
    }
    return duration.toMinutes() % 60 == 0 ? duration.toHours() + "h" : duration.toMinutes() + "m";
  }
}
