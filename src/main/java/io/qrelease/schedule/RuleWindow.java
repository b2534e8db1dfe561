package io.qrelease.schedule;

import io.qrelease.domain.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The received-time window a run of a custom detection rule looks at, [start, end). It ends at
 * the schedule's latest fire time, so every run within one period has the same window and is
 * the same run. Without receivedWithin it looks back as Defender's custom detections do: a
 * daily (or rarer) rule's first window reaches back 30 days, every other window one period plus
 * a margin of one more, so that a run missed because the previous one overran loses nothing.
 *
 * @param lookback how the start was chosen, for the run's summary
 */
public record RuleWindow(Instant start, Instant end, String lookback) {

  static final Duration FIRST_RUN = Duration.ofDays(30);
  private static final Duration DAY = Duration.ofDays(1);

  /** Where the window of a run at {@code at} ends: the latest fire time, or the current minute without a schedule. */
  public static ZonedDateTime endFor(CronSchedule schedule, ZonedDateTime at) {
    return schedule == null ? at.truncatedTo(ChronoUnit.MINUTES) : schedule.latestFireAtOrBefore(at);
  }

  /**
   * @param earlierWindows whether this rule ran for a window ending before {@code end}
   */
  public static RuleWindow ending(ZonedDateTime end, CronSchedule schedule, Duration receivedWithin,
      boolean earlierWindows) {
    if (receivedWithin != null) {
      return of(end, receivedWithin, "receivedWithin " + TimeSpan.text(receivedWithin));
    }
    if (schedule == null) {
      return of(end, FIRST_RUN, TimeSpan.text(FIRST_RUN) + ", as the rule has no schedule");
    }
    Duration period = schedule.periodEndingAt(end);
    if (!earlierWindows && period.compareTo(DAY) >= 0) {
      return of(end, FIRST_RUN, TimeSpan.text(FIRST_RUN) + ", the first run of a daily or rarer rule");
    }
    return of(end, period.multipliedBy(2), TimeSpan.text(period.multipliedBy(2)) + ", one period of "
        + TimeSpan.text(period) + " plus as much again");
  }

  private static RuleWindow of(ZonedDateTime end, Duration lookback, String why) {
    return new RuleWindow(end.minus(lookback).toInstant(), end.toInstant(), why);
  }
}
