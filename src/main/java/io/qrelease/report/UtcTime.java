package io.qrelease.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the listings print them: always UTC, which the column titles say once. */
public final class UtcTime {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private UtcTime() {
  }

  public static String minute(Instant instant) {
    return instant == null ? null : MINUTE.format(instant);
  }

  public static String second(Instant instant) {
    return instant == null ? null : SECOND.format(instant);
  }
}
