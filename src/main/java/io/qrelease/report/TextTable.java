package io.qrelease.report;

import java.util.Arrays;
import java.util.List;

/**
 * Columns of text for the terminal. The widths are fixed rather than fitted to the rows, so a
 * listing can print each row as it streams from the database and still line up; a longer value
 * is cut with "…". A number is right-aligned and never cut: a count that outgrows its column
 * pushes the line out rather than show a wrong number.
 */
public final class TextTable {

  private static final String GAP = "  ";
  private static final String ELLIPSIS = "…";

  /** One column: its title, its width in characters, and whether it holds numbers. */
  public record Column(String title, int width, boolean numeric) {
  }

  private final String indent;
  private final List<Column> columns;

  private TextTable(String indent, List<Column> columns) {
    this.indent = indent;
    this.columns = columns;
  }

  public static Column text(String title, int width) {
    return new Column(title, width, false);
  }

  public static Column number(String title, int width) {
    return new Column(title, width, true);
  }

  public static TextTable of(Column... columns) {
    return new TextTable("", List.of(columns));
  }

  /** The same columns starting further right, for the second line of a two-line entry. */
  public TextTable indented(int spaces) {
    return new TextTable(" ".repeat(spaces), columns);
  }

  /** The widest line this table prints, numbers within their columns. */
  public int width() {
    return indent.length() + columns.stream().mapToInt(Column::width).sum() + GAP.length() * (columns.size() - 1);
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
      String cell = cells[i] == null ? "" : printable(cells[i].toString());
      if (i > 0) {
        line.append(GAP);
      }
      if (column.numeric()) {
        line.append(" ".repeat(Math.max(0, column.width() - cell.length()))).append(cell);
      } else {
        String fitted = fit(cell, column.width());
        line.append(fitted).append(" ".repeat(column.width() - fitted.codePointCount(0, fitted.length())));
      }
    }
    return line.toString().stripTrailing();
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
