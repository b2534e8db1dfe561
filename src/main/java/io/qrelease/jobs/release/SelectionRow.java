package io.qrelease.jobs.release;

import io.qrelease.input.Cells;
import io.qrelease.input.Column;
import io.qrelease.input.CsvRow;
import io.qrelease.input.Header;
import java.util.List;
import java.util.Objects;

/** A row of a selection: a message and the recipients the row names (none means every recipient). */
public record SelectionRow(long lineNumber, String networkMessageId, List<String> recipients) {

  /**
   * A blank message id becomes "" rather than null, so that the chunk's lookups by id can take it and the row is
   * audited as InvalidRow instead of failing the run.
   */
  public static SelectionRow of(Header header, CsvRow row) {
    String networkMessageId = Objects.requireNonNullElse(Cells.messageId(header.value(row, Column.MESSAGE)), "");
    return new SelectionRow(row.lineNumber(), networkMessageId, Cells.recipients(header.value(row, Column.RECIPIENT)));
  }
}
