package io.qrelease.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A positive number of rows as an operator writes one: 50000, 50_000, 50,000, 50k or 1m
 * (thousands and millions, in either case).
 */
public final class RowCount {

  /** Digits, digits grouped by underscores, or digits grouped in threes by commas; then an optional multiplier. */
  private static final Pattern COUNT = Pattern.compile("([0-9]+(?:_[0-9]+)*|[0-9]{1,3}(?:,[0-9]{3})+)\\s*([km]?)");
  /** Long's 19 digits less one, so that the digits always parse; the multiplier's overflow is checked. */
  private static final int MAX_DIGITS = 18;

  private RowCount() {
  }

  public static long parse(String text) {
    Matcher count = COUNT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    String digits = count.matches() ? count.group(1).replaceAll("[_,]", "") : "";
    if (digits.isEmpty() || digits.length() > MAX_DIGITS || digits.matches("0+")) {
      throw refused(text);
    }
    long multiplier = switch (count.group(2)) {
      case "k" -> 1_000;
      case "m" -> 1_000_000;
      default -> 1;
    };
    try {
      return Math.multiplyExact(Long.parseLong(digits), multiplier);
    } catch (ArithmeticException e) {
      throw refused(text);
    }
  }

  private static IllegalArgumentException refused(String text) {
    return new IllegalArgumentException("'" + text + "' is not a positive number of rows such as 50000, 50_000,"
        + " 50,000, 50k or 1m");
  }
}
