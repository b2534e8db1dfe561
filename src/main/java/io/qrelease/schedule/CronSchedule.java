package io.qrelease.schedule;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
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
  private static final List<Field> FIELDS = List.of(
      new Field("minute", 0, 59, List.of(), "a minute is 0-59"),
      new Field("hour", 0, 23, List.of(), "an hour is 0-23"),
      new Field("day of month", 1, 31, List.of(), "a day of month is 1-31"),
      new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
          "DEC"), "a month is 1-12 or JAN-DEC"),
      new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
          "a day of week is 0-7 (0 and 7 are Sunday) or SUN-SAT"));
  private static final Duration SEARCH_LIMIT = Duration.ofDays(366 * 8);

  /**
   * One of the five fields, with the range cron takes; its names count from {@code min}.
   *
   * @param range the range as a sentence, for the message of a value outside it
   */
  private record Field(String name, int min, int max, List<String> names, String range) {

    /** Checks each element of the field (a, a-b, *, each with an optional /step), quoting the user's own text. */
    void check(String value, String schedule) {
      for (String element : value.split(",")) {
        String[] stepped = element.split("/");
        if (stepped.length == 2 && stepped[1].matches("0+")) {
          throw new IllegalArgumentException("the " + name + " field '" + value + "' of '" + schedule + "' steps by 0;"
              + " give a step of 1 or more.");
        }
        if (stepped[0].equals("*")) {
          continue;
        }
        String[] ends = stepped[0].split("-");
        int low = number(ends[0], schedule);
        if (ends.length == 2 && low > number(ends[1], schedule)) {
          throw new IllegalArgumentException("the " + name + " range '" + stepped[0] + "' in '" + schedule
              + "' runs backwards; write the lower end first: " + range + ".");
        }
      }
    }

    private int number(String text, String schedule) {
      if (Character.isLetter(text.charAt(0))) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index < 0) {
          throw new IllegalArgumentException("the " + name + " '" + text + "' in '" + schedule + "' is not a name cron"
              + " knows; " + range + ".");
        }
        return min + index;
      }
      // Every field ends below 100, so longer numbers are out of range without being parsed (and overflowing).
      String digits = text.replaceFirst("^0+(?=.)", "");
      int number = digits.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      if (number < min || number > max) {
        throw new IllegalArgumentException("the " + name + " " + text + " in '" + schedule + "' is out of range; "
            + range + ".");
      }
      return number;
    }
  }

  private final String text;
  private final CronExpression expression;

  private CronSchedule(String text, CronExpression expression) {
    this.text = text;
    this.expression = expression;
  }

  /**
   * Parses five fields; the message of the exception says which field is wrong and how, quoting
   * only what was written.
   */
  public static CronSchedule parse(String text) {
    String[] fields = text == null ? new String[0] : text.trim().split("\\s+");
    if (fields.length != 5 || fields[0].isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not a cron schedule; write five fields: minute hour"
          + " day-of-month month day-of-week, e.g. \"30 2 * * *\" for every night at 02:30.");
    }
    for (int i = 0; i < fields.length; i++) {
      Field field = FIELDS.get(i);
      if (!syntax(field.names().isEmpty() ? NUMBERS : NAMES).matcher(fields[i]).matches()) {
        throw new IllegalArgumentException("the " + field.name() + " field '" + fields[i] + "' of '" + text
            + "' is not cron syntax; use numbers, names (JAN, MON), *, ranges a-b, lists a,b and steps /n.");
      }
      field.check(fields[i], text);
    }
    if (!fields[2].equals("*") && !fields[4].equals("*")) {
      // cron runs such a job when either field matches, which is rarely what was meant.
      throw new IllegalArgumentException("'" + text + "' restricts both the day of month and the day of week;"
          + " cron would run it when either matches, so restrict only one of them.");
    }
    String normalized = String.join(" ", fields);
    CronExpression expression;
    try {
      // Spring's expressions start with seconds; its message would quote that sixth field, which no one wrote.
      expression = CronExpression.parse("0 " + normalized);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a schedule this tool can follow; write it with"
          + " numbers, names, ranges, lists and steps only.", e);
    }
    CronSchedule schedule = new CronSchedule(normalized, expression);
    if (schedule.expression.next(ZonedDateTime.now()) == null) {
      throw new IllegalArgumentException("'" + text + "' never fires (no such date); pick a day that exists.");
    }
    return schedule;
  }

  private static Pattern syntax(String value) {
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
