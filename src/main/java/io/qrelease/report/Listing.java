package io.qrelease.report;

import io.qrelease.report.TextTable.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A table whose records take a line or more each, with a layout on more lines for terminals that
 * the first layout does not fit even with its flexible columns narrowed: the columns that must not
 * be cut then move to a line of their own rather than push the lines past the terminal's edge, and
 * a flexible column that gains a line of its own may be given the room it has there. A column is
 * known by its title, which no two columns of a listing share.
 */
public final class Listing {

  /** Lines of columns, and for each column of each line the index of its cell in a record. */
  private record Layout(List<TextTable> lines, int[][] cells) {
  }

  private final List<Layout> layouts;

  private Listing(List<Layout> layouts) {
    this.layouts = layouts;
  }

  /** The record's cells come in the order of these lines' columns, line after line. */
  public static Listing of(TextTable... lines) {
    List<String> titles = titles(lines);
    if (new HashSet<>(titles).size() != titles.size()) {
      throw new IllegalArgumentException("Two columns share a title in " + titles);
    }
    return new Listing(List.of(layout(titles, lines)));
  }

  /** A layout of the same columns, for a terminal too narrow for the layouts before it. */
  public Listing orNarrower(TextTable... lines) {
    List<String> record = titles(layouts.get(0).lines().toArray(TextTable[]::new));
    if (!titles(lines).stream().sorted().toList().equals(record.stream().sorted().toList())) {
      throw new IllegalArgumentException("The narrower layout has " + titles(lines) + " instead of " + record);
    }
    List<Layout> all = new ArrayList<>(layouts);
    all.add(layout(record, lines));
    return new Listing(List.copyOf(all));
  }

  private static List<String> titles(TextTable... lines) {
    return Arrays.stream(lines).flatMap(line -> line.columns().stream()).map(Column::title).toList();
  }

  private static Layout layout(List<String> record, TextTable... lines) {
    int[][] cells = new int[lines.length][];
    for (int line = 0; line < lines.length; line++) {
      cells[line] = lines[line].columns().stream().mapToInt(column -> record.indexOf(column.title())).toArray();
    }
    return new Layout(List.of(lines), cells);
  }

  /**
   * The first layout that fits the width, its flexible columns narrowed to fit; else the narrowest
   * layout, narrowed as far as it goes.
   */
  public Listing fittedTo(int width) {
    Layout chosen = layouts.stream().filter(layout -> layout.lines().stream().allMatch(line -> line.fits(width)))
        .findFirst().orElse(layouts.get(layouts.size() - 1));
    return new Listing(List.of(new Layout(chosen.lines().stream().map(line -> line.fittedTo(width)).toList(),
        chosen.cells())));
  }

  /** The titles, a line for each line of a record that has any. */
  public List<String> header() {
    return layouts.get(0).lines().stream().map(TextTable::header).filter(line -> !line.isBlank()).toList();
  }

  /** A record's lines; a line with nothing in it is left out. */
  public List<String> rows(Object... record) {
    Layout layout = layouts.get(0);
    int columns = Arrays.stream(layout.cells()).mapToInt(line -> line.length).sum();
    if (record.length != columns) {
      throw new IllegalArgumentException(columns + " cells expected, got " + Arrays.toString(record));
    }
    List<String> rows = new ArrayList<>();
    for (int line = 0; line < layout.lines().size(); line++) {
      Object[] cells = Arrays.stream(layout.cells()[line]).mapToObj(cell -> record[cell]).toArray();
      if (Arrays.stream(cells).anyMatch(Objects::nonNull)) {
        rows.add(layout.lines().get(line).row(cells));
      }
    }
    return rows;
  }
}
