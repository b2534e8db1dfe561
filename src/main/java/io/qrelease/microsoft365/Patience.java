package io.qrelease.microsoft365;

import java.time.Duration;

/**
 * How long qrelease keeps at a call the tenant does not answer well (SPEC §6.3): so many attempts,
 * waiting as the tenant's Retry-After says, else backing off exponentially from the first wait with
 * jitter, never longer than the longest; and how long one answer may take.
 */
public record Patience(int attempts, Duration firstWait, Duration longestWait, Duration answerTimeout) {

  public static final Patience DEFAULT =
      new Patience(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(180));
}
