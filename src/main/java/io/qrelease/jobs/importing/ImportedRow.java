package io.qrelease.jobs.importing;

import io.qrelease.domain.MailCopy;
import java.util.List;

/** What one export record gives the store: its copies, or why it cannot be used. */
public record ImportedRow(long lineNumber, List<MailCopy> copies, String rejection) {

  public static ImportedRow rejected(long lineNumber, String why) {
    return new ImportedRow(lineNumber, List.of(), why);
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
