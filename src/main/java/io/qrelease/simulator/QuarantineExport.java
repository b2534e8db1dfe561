package io.qrelease.simulator;

import io.qrelease.domain.Location;
import io.qrelease.input.Cells;
import io.qrelease.input.Column;
import io.qrelease.input.CsvInput;
import io.qrelease.input.CsvRow;
import io.qrelease.input.Header;
import io.qrelease.input.InputRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Get-QuarantineMessage CSV export (SPEC §3, through qrelease's own CSV input) into
 * simulated copies: one per recipient of each row, all in quarantine. A row without an Identity
 * gets one made of its network message id, so an export of NetworkMessageId alone seeds too.
 */
final class QuarantineExport {

  /** Release statuses as Exchange spells them, by their lower-case letters. */
  private static final Map<String, String> STATUSES = Map.of("notreleased", "NotReleased", "released", "Released",
      "preparingtorelease", "PreparingToRelease", "requested", "Requested", "approved", "Approved", "denied", "Denied",
      "error", "Error");

  private QuarantineExport() {
  }

  static List<SimulatedCopy> read(Path csv) throws IOException {
    List<SimulatedCopy> copies = new ArrayList<>();
    try (CsvInput input = CsvInput.open(csv)) {
      Header header = input.header();
      header.require(csv.toString(), Column.MESSAGE, Column.RECIPIENT);
      int releasedUsers = header.names().indexOf("ReleasedUser");
      for (CsvRow row = input.next(); row != null; row = input.next()) {
        copies.addAll(copies(header, row, releasedUsers, csv));
      }
    }
    return copies;
  }

  private static List<SimulatedCopy> copies(Header header, CsvRow row, int releasedUsersIndex, Path csv) {
    String identityCell = header.value(row, Column.MESSAGE);
    String networkMessageId = Cells.messageId(identityCell);
    String identity = identityCell.indexOf('\\') > 0 ? identityCell : networkMessageId + "\\" + networkMessageId;
    Instant received;
    Instant expires;
    try {
      received = Cells.instant(header.value(row, Column.RECEIVED_AT));
      expires = Cells.instant(header.value(row, Column.EXPIRES));
    } catch (IllegalArgumentException e) {
      throw new InputRefusedException(csv + " line " + row.lineNumber() + ": " + e.getMessage() + "; fix the date and seed again.", e);
    }
    String status = header.value(row, Column.RELEASE_STATUS);
    List<String> releasedUsers = releasedUsersIndex < 0 || releasedUsersIndex >= row.cells().length
        ? List.of() : Cells.recipients(row.cells()[releasedUsersIndex]);
    String internetMessageId = header.value(row, Column.INTERNET_MESSAGE_ID);
    List<SimulatedCopy> copies = new ArrayList<>();
    for (String recipient : Cells.recipients(header.value(row, Column.RECIPIENT))) {
      copies.add(new SimulatedCopy(identity, networkMessageId, recipient,
          internetMessageId.isEmpty() ? "<" + networkMessageId + "@sender.example>" : internetMessageId,
          header.value(row, Column.SENDER), header.value(row, Column.SUBJECT), received == null ? Instant.now() : received,
          firstType(header.value(row, Column.QUARANTINE_TYPES)), header.value(row, Column.POLICY_TYPE),
          header.value(row, Column.POLICY_NAME), expires,
          STATUSES.getOrDefault(status.toLowerCase(Locale.ROOT), status.isEmpty() ? "NotReleased" : status),
          releasedUsers, Location.Quarantine, Location.Quarantine,
          header.value(row, Column.DIRECTION).isEmpty() ? "Inbound" : header.value(row, Column.DIRECTION)));
    }
    return copies;
  }

  /** A QuarantineTypes cell may list several types; a copy has the first. */
  private static String firstType(String cell) {
    String first = cell.split("[,;]")[0].trim();
    return first.isEmpty() ? "Spam" : first;
  }
}
