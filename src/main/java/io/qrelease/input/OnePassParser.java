package io.qrelease.input;

import com.opencsv.RFC4180Parser;
import com.opencsv.enums.CSVReaderNullFieldIndicator;
import java.util.ArrayList;
import java.util.List;

/**
 * opencsv's RFC 4180 parser, which splits the line an export writes most (every field either
 * unquoted or quoted whole, with no quote inside) in one pass instead of its several: it cuts
 * each quoted field out of the line three times. Any other line, and every line of a record that
 * spans lines, goes to the RFC 4180 parser itself, so the cells are the same either way, whatever
 * the delimiter.
 */
final class OnePassParser extends RFC4180Parser {

  private static final char QUOTE = '"';

  OnePassParser(char delimiter) {
    super(QUOTE, delimiter, CSVReaderNullFieldIndicator.NEITHER);
  }

  @Override
  protected String[] parseLine(String nextLine, boolean multi) {
    if (nextLine != null && pending == null) {
      String[] fields = wholeFields(nextLine, separator);
      if (fields != null) {
        return fields;
      }
    }
    return super.parseLine(nextLine, multi);
  }

  /**
   * The fields of a line that has quotes, all of them around whole fields with none inside; null
   * for any other line (without quotes the parser splits it in one pass already).
   */
  static String[] wholeFields(String line, char delimiter) {
    int quote = line.indexOf(QUOTE);
    if (quote < 0) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    int length = line.length();
    int at = 0;
    while (true) {
      int end;
      if (at == quote) {
        int close = line.indexOf(QUOTE, at + 1);
        end = close + 1;
        if (close < 0 || end < length && line.charAt(end) != delimiter) {
          return null;
        }
        fields.add(line.substring(at + 1, close));
        quote = line.indexOf(QUOTE, end);
      } else {
        int next = line.indexOf(delimiter, at);
        end = next < 0 ? length : next;
        if (quote >= 0 && quote < end) {
          return null;
        }
        fields.add(line.substring(at, end));
      }
      if (end >= length) {
        return fields.toArray(String[]::new);
      }
      at = end + 1;
    }
  }
}
