package io.qrelease.report;

import java.util.Locale;

/**
 * A count as text output shows it: thousands grouped with commas, whatever the machine's locale,
 * so that the progress line, the summaries and the tables read alike. JSON keeps plain numbers.
 */
public final class Count {

  private Count() {
  }

  public static String of(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }
}
