package io.qrelease.input;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The character that separates a file's fields. Microsoft 365 exports use commas, but Excel saves
 * "CSV" with the list separator of the user's locale (a semicolon in much of Europe) and "Unicode
 * text" with tabs, and a spreadsheet may start the file with a line such as {@code sep=;}, which
 * Excel reads as naming the delimiter. So the delimiter is the one a {@code sep=} line names, else
 * the candidate found most often outside quotes on the header line, else a comma.
 */
final class Delimiter {

  private static final char COMMA = ',';
  /** In the order that settles a tie: a header with as many semicolons as commas is a comma's. */
  private static final char[] CANDIDATES = {COMMA, ';', '\t'};
  private static final String HINT = "sep=";
  /** Far more than the lines before and of any export's header; one buffer of the reader. */
  private static final int PEEK_CHARS = 1 << 16;

  private Delimiter() {
  }

  /** Decides from the start of the text, which is left where it was. */
  static char of(BufferedReader text) throws IOException {
    text.mark(PEEK_CHARS);
    char[] start = new char[PEEK_CHARS];
    int length = 0;
    int read;
    while (length < start.length && (read = text.read(start, length, start.length - length)) >= 0) {
      length += read;
    }
    text.reset();
    return of(new String(start, 0, length));
  }

  /** Decides from the first lines of a file: those before its header, and its header. */
  static char of(String start) {
    for (int at = 0; at < start.length(); ) {
      int end = start.indexOf('\n', at);
      if (end < 0) {
        end = start.length();
      }
      String line = start.substring(at, end > at && start.charAt(end - 1) == '\r' ? end - 1 : end);
      if (line.length() == HINT.length() + 1 && line.regionMatches(true, 0, HINT, 0, HINT.length())
          && line.charAt(HINT.length()) != '"') {
        return line.charAt(HINT.length());
      }
      if (hasLetterOrDigit(line) && !line.startsWith(CsvInput.POWERSHELL_TYPE_LINE)) {
        return mostFrequentOutsideQuotes(line);
      }
      at = end + 1;
    }
    return COMMA;
  }

  /** Whether a record is the {@code sep=} line, read with the delimiter it names. */
  static boolean isHint(String[] cells) {
    return cells.length == 2 && cells[0].equalsIgnoreCase(HINT) && cells[1].isEmpty();
  }

  private static char mostFrequentOutsideQuotes(String header) {
    int[] counts = new int[CANDIDATES.length];
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      for (int candidate = 0; candidate < CANDIDATES.length && !quoted; candidate++) {
        if (c == CANDIDATES[candidate]) {
          counts[candidate]++;
        }
      }
    }
    int most = 0;
    for (int candidate = 1; candidate < CANDIDATES.length; candidate++) {
      if (counts[candidate] > counts[most]) {
        most = candidate;
      }
    }
    return CANDIDATES[most];
  }

  /** Blank lines and the empty rows a spreadsheet saves (",,,") come before a header, never as one. */
  private static boolean hasLetterOrDigit(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isLetterOrDigit(line.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
