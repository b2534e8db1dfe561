package io.qrelease.report;

import com.opencsv.CSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * CSV that is safe to open in a spreadsheet: a cell that a spreadsheet would run as a formula
 * (it starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, because
 * audit rows carry values from the input that an attacker may have written.
 */
public final class SpreadsheetCsv implements Closeable {

  private final CSVWriter csv;

  public SpreadsheetCsv(Writer out) {
    this.csv = new CSVWriter(out, CSVWriter.DEFAULT_SEPARATOR, CSVWriter.DEFAULT_QUOTE_CHARACTER,
        CSVWriter.DEFAULT_ESCAPE_CHARACTER, "\r\n");
  }

  public void row(String... cells) {
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = neutralize(cells[i]);
    }
    csv.writeNext(safe, false);
    if (csv.checkError()) {
      throw new UncheckedIOException(new IOException("Cannot write CSV", csv.getException()));
    }
  }

  static String neutralize(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
