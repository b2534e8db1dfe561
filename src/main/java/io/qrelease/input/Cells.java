package io.qrelease.input;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns cell text into values. Every parser returns null (or an empty list) for a blank cell and
 * throws {@link IllegalArgumentException} for text it cannot read; the message starts with the
 * quoted cell ("'13/45/2024' is not a date") so that a caller can prefix the column name for a
 * rejects file. Spellings are compared lower-cased with everything but letters removed, which
 * makes "Inbox/folder", "inbox_folder" and "InboxFolder" one value.
 */
public final class Cells {

  private static final DateTimeFormatter ISO_WITH_T = iso('T');
  private static final DateTimeFormatter ISO_WITH_SPACE = iso(' ');
  /** How Windows PowerShell prints a DateTime under en-US, e.g. 5/12/2026 9:30:11 AM. */
  private static final DateTimeFormatter POWERSHELL_US =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("M/d/uuuu h:mm[:ss] a")
          .toFormatter(Locale.US)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final Map<String, Location> LOCATIONS =
      spellings(
          Location.class,
          Map.of(
              Location.Inbox, List.of("inboxfolder"),
              Location.JunkFolder, List.of("junk", "junkemail", "junkemailfolder"),
              Location.DeletedFolder, List.of("deleted", "deleteditems", "deleteditemsfolder"),
              Location.Quarantine, List.of("quarantined"),
              Location.OnPremExternal, List.of("onpremisesexternal")));

  private static final Map<String, QuarantineType> QUARANTINE_TYPES =
      spellings(
          QuarantineType.class,
          Map.of(
              // The portal's "High confidence spam" is quarantined as Spam, not as a phish.
              QuarantineType.Spam, List.of("highconfidencespam", "highconfspam"),
              QuarantineType.Phish, List.of("phishing"),
              QuarantineType.HighConfPhish,
                  List.of("highconfidencephish", "highconfidencephishing"),
              QuarantineType.SPOMalware, List.of("sharepointonlinemalware"),
              QuarantineType.DataLossPrevention, List.of("dlp")));

  /**
   * Exchange also reports PreparingToRelease (a release under way) and Error (a release that
   * failed). The first counts as Released so that no copy is released a second time while the
   * service delivers it; the second as NotReleased, since nothing was delivered and a new
   * release is legitimate.
   */
  private static final Map<String, ReleaseStatus> RELEASE_STATUSES =
      spellings(
          ReleaseStatus.class,
          Map.of(
              ReleaseStatus.Released, List.of("preparingtorelease"),
              ReleaseStatus.Requested, List.of("releaserequested"),
              ReleaseStatus.NotReleased, List.of("error")));

  private Cells() {}

  /** The network message id: the first GUID of an Identity ("GUID\GUID"), lower-cased. */
  public static String messageId(String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    int separator = cell.indexOf('\\');
    return EntityKey.normalize(separator < 0 ? cell : cell.substring(0, separator));
  }

  /**
   * A quarantine identity as Exchange wrote it ({@code GUID\GUID}, the first the message), or null
   * when the cell is not one: a message id alone names no quarantined message to Exchange.
   */
  public static String quarantineIdentity(String cell) {
    int separator = cell == null ? -1 : cell.indexOf('\\');
    if (separator < 0 || !EntityKey.isMessageId(cell.substring(0, separator))
        || !EntityKey.isMessageId(cell.substring(separator + 1))) {
      return null;
    }
    return cell;
  }

  /** The addresses of a cell, split on ';' and ',', lower-cased, in order, without repeats. */
  public static List<String> recipients(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    if (cell.indexOf(';') < 0 && cell.indexOf(',') < 0) {
      return List.of(EntityKey.normalize(cell));
    }
    Set<String> addresses = new LinkedHashSet<>();
    int start = 0;
    for (int i = 0; i <= cell.length(); i++) {
      if (i == cell.length() || cell.charAt(i) == ';' || cell.charAt(i) == ',') {
        String address = EntityKey.normalize(cell.substring(start, i));
        if (!address.isEmpty()) {
          addresses.add(address);
        }
        start = i + 1;
      }
    }
    return List.copyOf(addresses);
  }

  /**
   * ISO-8601 with an offset or Z; ISO local date-time with 'T' or a space and an optional
   * fraction, taken as UTC because every export this tool reads is in UTC; and PowerShell's
   * en-US "M/d/yyyy h:mm:ss AM", also UTC.
   */
  public static Instant instant(String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    String text = cell.trim();
    try {
      if (text.indexOf('/') >= 0) {
        return LocalDateTime.parse(text, POWERSHELL_US).toInstant(ZoneOffset.UTC);
      }
      DateTimeFormatter iso =
          text.length() > 10 && text.charAt(10) == ' ' ? ISO_WITH_SPACE : ISO_WITH_T;
      TemporalAccessor parsed = iso.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime offset
          ? offset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date", e);
    }
  }

  public static Location location(String cell) {
    return lookup(cell, LOCATIONS, "a delivery location");
  }

  /**
   * The quarantine type; a QuarantineTypes cell may list several separated by ',' or ';', and
   * the first one recognised is the copy's type.
   */
  public static QuarantineType quarantineType(String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    int start = 0;
    for (int i = 0; i <= cell.length(); i++) {
      if (i == cell.length() || cell.charAt(i) == ';' || cell.charAt(i) == ',') {
        QuarantineType type = QUARANTINE_TYPES.get(letters(cell, start, i));
        if (type != null) {
          return type;
        }
        start = i + 1;
      }
    }
    throw new IllegalArgumentException("'" + cell.trim() + "' is not a quarantine type");
  }

  public static ReleaseStatus releaseStatus(String cell) {
    return lookup(cell, RELEASE_STATUSES, "a release status");
  }

  private static <T> T lookup(String cell, Map<String, T> values, String what) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    T value = values.get(letters(cell, 0, cell.length()));
    if (value == null) {
      throw new IllegalArgumentException("'" + cell.trim() + "' is not " + what);
    }
    return value;
  }

  private static String letters(String text, int from, int to) {
    StringBuilder letters = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters.append(Character.toLowerCase(c));
      }
    }
    return letters.toString();
  }

  /** Every enum constant under its own name plus the extra spellings exports use for it. */
  private static <E extends Enum<E>> Map<String, E> spellings(
      Class<E> type, Map<E, List<String>> extra) {
    Map<String, E> byLetters = new HashMap<>();
    for (E value : type.getEnumConstants()) {
      byLetters.put(letters(value.name(), 0, value.name().length()), value);
    }
    extra.forEach((value, names) -> names.forEach(name -> byLetters.put(name, value)));
    return Map.copyOf(byLetters);
  }

  private static DateTimeFormatter iso(char separator) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .appendLiteral(separator)
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart()
        .appendOffset("+HH:MM:ss", "Z")
        .optionalEnd()
        .toFormatter(Locale.ROOT)
        .withChronology(IsoChronology.INSTANCE)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
