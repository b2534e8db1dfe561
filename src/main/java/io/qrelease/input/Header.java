package io.qrelease.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header row: which column index holds which {@link Column}. Names are matched
 * case-insensitively ignoring spaces, underscores, hyphens and parentheses, so "Date (UTC)",
 * "date_utc" and "DateUTC" are one name. When a file repeats a column (under the same or another
 * alias) the first occurrence wins, as a reader scanning the header left to right would expect.
 */
public final class Header {

  private static final Map<String, List<Column>> COLUMNS_BY_KEY = new HashMap<>();

  static {
    for (Column column : Column.values()) {
      for (String alias : column.aliases()) {
        COLUMNS_BY_KEY.computeIfAbsent(key(alias), k -> new ArrayList<>()).add(column);
      }
    }
  }

  private final List<String> names;
  private final Set<String> keys = new HashSet<>();
  private final int[] indexes = new int[Column.values().length];

  Header(List<String> names) {
    this.names = List.copyOf(names);
    Arrays.fill(indexes, -1);
    for (int i = 0; i < this.names.size(); i++) {
      String key = key(this.names.get(i));
      keys.add(key);
      for (Column column : COLUMNS_BY_KEY.getOrDefault(key, List.of())) {
        if (indexes[column.ordinal()] < 0) {
          indexes[column.ordinal()] = i;
        }
      }
    }
  }

  /** The raw header cells as in the file (byte order mark stripped). */
  public List<String> names() {
    return names;
  }

  public boolean has(Column column) {
    return indexes[column.ordinal()] >= 0;
  }

  /** The 0-based index of the column, -1 when the file does not have it. */
  public int indexOf(Column column) {
    return indexes[column.ordinal()];
  }

  /** The trimmed cell; "" when the file has no such column or the row is short. */
  public String value(CsvRow row, Column column) {
    int index = indexes[column.ordinal()];
    String[] cells = row.cells();
    if (index < 0 || index >= cells.length || cells[index] == null) {
      return "";
    }
    return cells[index].trim();
  }

  /**
   * Refuses a file that lacks one of the columns a use needs, naming the first missing one with
   * every spelling that would do, so the user can fix the export in one go; and what separates
   * its columns, when that is why they could not be told apart.
   */
  public void require(String fileName, Column... columns) {
    for (Column column : columns) {
      if (!has(column)) {
        String missing = fileName + " has no " + column.label() + " column (" + column.aliasList() + ")";
        OptionalInt delimiter = unreadDelimiter();
        throw new InputRefusedException(delimiter.isEmpty()
            ? missing + "; export it again with that column."
            : missing + ": its columns seem separated by '" + (char) delimiter.getAsInt()
                + "'; save the file separated by commas, semicolons or tabs and run again.");
      }
    }
  }

  /**
   * The character joining known column names in a header read as one column: a file separated by
   * something other than a comma, a semicolon or a tab.
   */
  private OptionalInt unreadDelimiter() {
    if (names.size() != 1) {
      return OptionalInt.empty();
    }
    String name = names.get(0);
    return name.chars()
        .filter(c -> !Character.isLetterOrDigit(c))
        .filter(c -> Arrays.stream(name.split(Pattern.quote(Character.toString(c))))
            .filter(part -> COLUMNS_BY_KEY.containsKey(key(part)))
            .count() > 1)
        .findFirst();
  }

  /** Whether the file spells a column exactly this way (modulo case and punctuation). */
  boolean spells(String name) {
    return keys.contains(key(name));
  }

  /** Whether a known column is written with spaces or parentheses, as only Threat Explorer does. */
  boolean spelledForPeople() {
    for (String name : names) {
      if ((name.indexOf(' ') >= 0 || name.indexOf('(') >= 0)
          && COLUMNS_BY_KEY.containsKey(key(name))) {
        return true;
      }
    }
    return false;
  }

  static String key(String name) {
    StringBuilder key = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != ' ' && c != '_' && c != '-' && c != '(' && c != ')' && !Character.isWhitespace(c)) {
        key.append(c);
      }
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }
}
