package io.qrelease.report;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Columns of text for the terminal. The widths are fixed rather than fitted to the rows, so a
 * listing can print each row as it streams from the database and still line up; a longer value
 * is cut with "…". A number is right-aligned and never cut: a count that outgrows its column
 * pushes the line out rather than show a wrong number. To fit a narrower terminal only the
 * flexible columns (names, subjects, addresses) give up width: an id or a command that a user
 * copies, and the short values of a fixed set, are worth nothing cut.
 */
public final class TextTable {

  private static final String GAP = "  ";
  private static final String ELLIPSIS = "…";
  /** A flexible column cut shorter than this leaves too little of an address or a name to tell it by. */
  private static final int FLEXIBLE_MINIMUM = 12;

  public enum Kind {
    /** Text in a column that keeps its width, cut when longer. */
    TEXT,
    /** Text in a column that narrows to fit the terminal. */
    FLEXIBLE,
    /** A number as given, such as an id or a line number. */
    NUMBER,
    /** A count, its thousands grouped. */
    COUNT
  }

  /** One column: its title, its width in characters, and what it holds. */
  public record Column(String title, int width, Kind kind) {

    boolean rightAligned() {
      return kind == Kind.NUMBER || kind == Kind.COUNT;
    }

    /** The width a table fitted to a narrow terminal leaves this column. */
    int narrowest() {
      return kind == Kind.FLEXIBLE ? Math.min(width, Math.max(FLEXIBLE_MINIMUM, title.length())) : width;
    }
  }

  private final String indent;
  private final List<Column> columns;

  private TextTable(String indent, List<Column> columns) {
    this.indent = indent;
    this.columns = columns;
  }

  public static Column text(String title, int width) {
    return new Column(title, width, Kind.TEXT);
  }

  public static Column flexible(String title, int width) {
    return new Column(title, width, Kind.FLEXIBLE);
  }

  public static Column number(String title, int width) {
    return new Column(title, width, Kind.NUMBER);
  }

  public static Column count(String title, int width) {
    return new Column(title, width, Kind.COUNT);
  }

  public static TextTable of(Column... columns) {
    return new TextTable("", List.of(columns));
  }

  /** The same columns starting further right, for the second line of a two-line entry. */
  public TextTable indented(int spaces) {
    return new TextTable(" ".repeat(spaces), columns);
  }

  List<Column> columns() {
    return columns;
  }

  /** The widest line this table prints, numbers within their columns. */
  public int width() {
    return width(columns.stream().mapToInt(Column::width));
  }

  /** Whether the table fits the width once its flexible columns have narrowed as far as they go. */
  public boolean fits(int width) {
    return width(columns.stream().mapToInt(Column::narrowest)) <= width;
  }

  private int width(IntStream columnWidths) {
    return indent.length() + columnWidths.sum() + GAP.length() * (columns.size() - 1);
  }

  /**
   * The table within the width: the widest flexible column gives up a character at a time, so
   * that columns of equal width end up sharing what is left. A table that cannot fit stops at the
   * narrowest its flexible columns go.
   */
  public TextTable fittedTo(int width) {
    int[] widths = columns.stream().mapToInt(Column::width).toArray();
    for (int excess = width() - width; excess > 0; excess--) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        if (widths[i] > columns.get(i).narrowest() && (widest < 0 || widths[i] >= widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        break;
      }
      widths[widest]--;
    }
    return new TextTable(indent, IntStream.range(0, widths.length)
        .mapToObj(i -> new Column(columns.get(i).title(), widths[i], columns.get(i).kind())).toList());
  }

  public String header() {
    return row(columns.stream().map(Column::title).toArray());
  }

  /** One line, a cell per column; null is an empty cell. */
  public String row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(columns.size() + " cells expected, got " + Arrays.toString(cells));
    }
    StringBuilder line = new StringBuilder(indent);
    for (int i = 0; i < cells.length; i++) {
      Column column = columns.get(i);
      String cell = cell(column, cells[i]);
      if (i > 0) {
        line.append(GAP);
      }
      if (column.rightAligned()) {
        line.append(" ".repeat(Math.max(0, column.width() - cell.length()))).append(cell);
      } else {
        String fitted = fit(cell, column.width());
        line.append(fitted).append(" ".repeat(column.width() - fitted.codePointCount(0, fitted.length())));
      }
    }
    return line.toString().stripTrailing();
  }

  private static String cell(Column column, Object value) {
    if (value == null) {
      return "";
    }
    return column.kind() == Kind.COUNT && value instanceof Number count ? Count.of(count.longValue())
        : printable(value.toString());
  }

  /**
   * Subjects and addresses come from exports a sender may have shaped: a line break would tear
   * the table apart and an escape sequence would reach the terminal, so control characters
   * become spaces.
   */
  static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString();
  }

  static String fit(String value, int width) {
    if (value.codePointCount(0, value.length()) <= width) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, width - 1)).stripTrailing() + ELLIPSIS;
  }
}
