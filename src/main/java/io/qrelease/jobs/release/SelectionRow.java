package io.qrelease.jobs.release;

import io.qrelease.input.Cells;
import io.qrelease.input.Column;
import io.qrelease.input.CsvRow;
import io.qrelease.input.Header;
import java.util.List;

/** A row of a selection: a message and the recipients the row names (none means every recipient). */
public record SelectionRow(long lineNumber, String networkMessageId, List<String> recipients) {

  public static SelectionRow of(Header header, CsvRow row) {
    return new SelectionRow(row.lineNumber(), Cells.messageId(header.value(row, Column.MESSAGE)),
        Cells.recipients(header.value(row, Column.RECIPIENT)));
  }
}
