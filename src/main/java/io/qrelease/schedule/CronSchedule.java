package io.qrelease.schedule;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * A job's schedule as crontab writes it: five fields (minute, hour, day of month, month, day of
 * week) in the machine's time zone. Only the syntax every cron accepts is allowed, so that the
 * line {@code cron} prints runs the job exactly when the windows computed here say it does.
 */
public final class CronSchedule {

  private static final String NUMBERS = "[0-9]+";
  private static final String NAMES = "(?:[0-9]+|[A-Za-z]{3})";
  private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
  private static final Duration SEARCH_LIMIT = Duration.ofDays(366 * 8);

  private final String text;
  private final CronExpression expression;

  private CronSchedule(String text, CronExpression expression) {
    this.text = text;
    this.expression = expression;
  }

  /** Parses five fields; the message of the exception says which field is wrong and how. */
  public static CronSchedule parse(String text) {
    String[] fields = text == null ? new String[0] : text.trim().split("\\s+");
    if (fields.length != 5 || fields[0].isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not a cron schedule; write five fields: minute hour"
          + " day-of-month month day-of-week, e.g. \"30 2 * * *\" for every night at 02:30.");
    }
    for (int i = 0; i < fields.length; i++) {
      if (!field(i == 3 || i == 4 ? NAMES : NUMBERS).matcher(fields[i]).matches()) {
        throw new IllegalArgumentException("the " + FIELDS[i] + " field '" + fields[i] + "' of '" + text
            + "' is not cron syntax; use numbers, names (JAN, MON), *, ranges a-b, lists a,b and steps /n.");
      }
    }
    if (!fields[2].equals("*") && !fields[4].equals("*")) {
      // cron runs such a job when either field matches, which is rarely what was meant.
      throw new IllegalArgumentException("'" + text + "' restricts both the day of month and the day of week;"
          + " cron would run it when either matches, so restrict only one of them.");
    }
    String normalized = String.join(" ", fields);
    CronExpression expression;
    try {
      expression = CronExpression.parse("0 " + normalized);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid cron schedule (" + e.getMessage()
          + "); check the ranges: minute 0-59, hour 0-23, day 1-31, month 1-12, day of week 0-7.", e);
    }
    CronSchedule schedule = new CronSchedule(normalized, expression);
    if (schedule.expression.next(ZonedDateTime.now()) == null) {
      throw new IllegalArgumentException("'" + text + "' never fires (no such date); pick a day that exists.");
    }
    return schedule;
  }

  private static Pattern field(String value) {
    String element = "(?:\\*|" + value + "(?:-" + value + ")?)(?:/[0-9]+)?";
    return Pattern.compile(element + "(?:," + element + ")*");
  }

  /** The schedule as crontab gets it. */
  public String text() {
    return text;
  }

  public ZonedDateTime next(ZonedDateTime after) {
    return expression.next(after);
  }

  /** The latest time the schedule fires at or before {@code at}: the end of the window a run at {@code at} covers. */
  public ZonedDateTime latestFireAtOrBefore(ZonedDateTime at) {
    for (Duration back = Duration.ofHours(1); back.compareTo(SEARCH_LIMIT) <= 0; back = back.multipliedBy(2)) {
      ZonedDateTime fire = expression.next(at.minus(back));
      if (fire != null && !fire.isAfter(at)) {
        for (ZonedDateTime later = expression.next(fire); later != null && !later.isAfter(at);
            later = expression.next(later)) {
          fire = later;
        }
        return fire;
      }
    }
    throw new IllegalStateException("'" + text + "' has not fired in the last eight years");
  }

  /** The time between the fire at {@code end} and the one before it: the period that window covers. */
  public Duration periodEndingAt(ZonedDateTime end) {
    return Duration.between(latestFireAtOrBefore(end.minusMinutes(1)), end);
  }

  @Override
  public String toString() {
    return text;
  }
}
