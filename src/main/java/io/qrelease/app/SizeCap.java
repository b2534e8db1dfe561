package io.qrelease.app;

import io.qrelease.report.Count;

/**
 * The most rows one action may select. A selection larger than expected is more often a wrong
 * filter or the wrong file than a real campaign, so it is refused before anything changes.
 *
 * @param origin where the cap was set, so that the refusal says what to raise
 */
public record SizeCap(long maxRows, String origin) {

  public static SizeCap of(long maxRows, String origin) {
    if (maxRows < 1) {
      throw new Refused(origin + " takes a positive number of rows, not " + maxRows + ".");
    }
    return new SizeCap(maxRows, origin);
  }

  public void refuseOver(long rows, String selection) {
    if (rows > maxRows) {
      throw new Refused(String.format("%s has %s rows, more than the cap of %s (%s); nothing was changed:"
          + " narrow or split the selection, or raise %s if that many are meant.", selection, Count.of(rows),
          Count.of(maxRows), origin, origin));
    }
  }
}
