package io.qrelease.jobs.importing;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.input.Cells;
import io.qrelease.input.Column;
import io.qrelease.input.CsvRow;
import io.qrelease.input.ExportKind;
import io.qrelease.input.Header;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a record of a quarantine export or an EmailEvents export into mail copies. A quarantine
 * export row is in quarantine unless the export says it was released; an EmailEvents row is
 * where its latest delivery location says.
 */
public final class CopyMapping implements BiFunction<Header, CsvRow, ImportedRow> {

  private static final Map<Column, Integer> WIDTHS = Map.of(Column.INTERNET_MESSAGE_ID, 1000, Column.SENDER, 320,
      Column.SUBJECT, 4000, Column.POLICY_TYPE, 64, Column.POLICY_NAME, 256);

  private final ExportKind kind;

  public CopyMapping(ExportKind kind) {
    this.kind = kind;
  }

  @Override
  public ImportedRow apply(Header header, CsvRow row) {
    try {
      String messageId = Cells.messageId(header.value(row, Column.MESSAGE));
      if (!EntityKey.isMessageId(messageId)) {
        return ImportedRow.rejected(row.lineNumber(), "network message id '" + messageId + "' is not a GUID");
      }
      List<String> recipients = Cells.recipients(header.value(row, Column.RECIPIENT));
      if (recipients.isEmpty()) {
        return ImportedRow.rejected(row.lineNumber(), "the row has no recipient");
      }
      for (String recipient : recipients) {
        if (!EntityKey.isAddress(recipient)) {
          return ImportedRow.rejected(row.lineNumber(), "recipient '" + recipient + "' is not an email address");
        }
      }
      return new ImportedRow(row.lineNumber(), copies(header, row, messageId, recipients), null);
    } catch (IllegalArgumentException unusable) {
      return ImportedRow.rejected(row.lineNumber(), unusable.getMessage());
    }
  }

  /** Where an export says a copy is and, for a quarantined one, what the quarantine says of it. */
  private record Placement(Location location, QuarantineType type, ReleaseStatus status, Instant expiresAt) {
  }

  private List<MailCopy> copies(Header header, CsvRow row, String messageId, List<String> recipients) {
    Instant receivedAt = Cells.instant(header.value(row, Column.RECEIVED_AT));
    String internetMessageId = text(Column.INTERNET_MESSAGE_ID, header.value(row, Column.INTERNET_MESSAGE_ID));
    String sender = text(Column.SENDER, EntityKey.normalize(header.value(row, Column.SENDER)));
    String subject = text(Column.SUBJECT, header.value(row, Column.SUBJECT));
    String policyType = text(Column.POLICY_TYPE, header.value(row, Column.POLICY_TYPE));
    String policyName = text(Column.POLICY_NAME, header.value(row, Column.POLICY_NAME));
    Placement placement = kind == ExportKind.QUARANTINE_EXPORT ? quarantined(header, row) : delivered(header, row);
    String identity = kind == ExportKind.QUARANTINE_EXPORT
        ? Cells.quarantineIdentity(header.value(row, Column.QUARANTINE_IDENTITY)) : null;
    return recipients.stream().map(recipient -> new MailCopy(messageId, internetMessageId, recipient, sender, subject,
        receivedAt, placement.location(), placement.type(), policyType, policyName, placement.expiresAt(),
        placement.status(), identity)).toList();
  }

  private static Placement quarantined(Header header, CsvRow row) {
    ReleaseStatus status = Cells.releaseStatus(header.value(row, Column.RELEASE_STATUS));
    if (status == null) {
      status = ReleaseStatus.NotReleased;
    }
    return new Placement(status == ReleaseStatus.Released ? Location.Inbox : Location.Quarantine,
        Cells.quarantineType(header.value(row, Column.QUARANTINE_TYPES)), status,
        Cells.instant(header.value(row, Column.EXPIRES)));
  }

  private static Placement delivered(Header header, CsvRow row) {
    Location location = Cells.location(header.value(row, Column.LATEST_DELIVERY_LOCATION));
    if (location == null) {
      location = Cells.location(header.value(row, Column.DELIVERY_LOCATION));
    }
    if (location == null) {
      throw new IllegalArgumentException("the row has no delivery location");
    }
    return new Placement(location, null, null, null);
  }

  /**
   * The cell as the store keeps it, null when blank. A value longer than its column in schema-hsqldb.sql rejects the
   * row: stored, it would fail the whole chunk, and cut, it would no longer be what the export says.
   */
  private static String text(Column column, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    int width = WIDTHS.get(column);
    if (value.length() > width) {
      throw new IllegalArgumentException("the " + column.aliases().get(0) + " is " + value.length()
          + " characters long; the store holds " + width);
    }
    return value;
  }
}
