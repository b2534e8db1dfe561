package io.qrelease.report;

import java.util.Arrays;
import java.util.List;

/**
 * A labelled value on as many lines as the width needs: broken between its items, never inside
 * one, and each further line starting under the value's first character. An item longer than a
 * whole line, such as a long path, keeps a line of its own rather than be cut. Control characters
 * become spaces, as in a table.
 */
public final class Paragraph {

  private Paragraph() {
  }

  /**
   * @param lead what comes before the value on its first line, such as "  entities   "
   * @param separator what stands between two items on a line; at a break only its non-blank part,
   *     such as a comma, stays at the end of the line
   * @return the lines, each ending with a line break
   */
  public static String of(String lead, List<String> items, String separator, int width) {
    String mark = separator.stripTrailing();
    StringBuilder text = new StringBuilder();
    StringBuilder line = new StringBuilder(lead);
    for (int i = 0; i < items.size(); i++) {
      String item = TextTable.printable(items.get(i));
      // Room for the mark a break after this item would leave at the end of the line.
      int room = i == items.size() - 1 ? 0 : mark.length();
      if (line.length() == lead.length()) {
        line.append(item);
      } else if (line.length() + separator.length() + item.length() + room > width) {
        text.append(line.toString().stripTrailing()).append(mark).append('\n');
        line.setLength(0);
        line.append(" ".repeat(lead.length())).append(item);
      } else {
        line.append(separator).append(item);
      }
    }
    return text.append(line.toString().stripTrailing()).append('\n').toString();
  }

  /** A value of words, broken at its spaces. */
  public static String words(String lead, String value, int width) {
    return of(lead, Arrays.asList(value.split(" ", -1)), " ", width);
  }
}
