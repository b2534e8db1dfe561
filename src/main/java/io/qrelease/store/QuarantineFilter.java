package io.qrelease.store;

import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import java.util.Locale;

/**
 * Which copies the quarantine page shows; a null field lets every copy through. Addresses are
 * compared without regard to case, as mail systems compare them.
 */
public record QuarantineFilter(ReleaseStatus status, String recipient, String sender, QuarantineType type,
    String releasedBy) {

  public QuarantineFilter {
    recipient = lowerCase(recipient);
    sender = lowerCase(sender);
    releasedBy = lowerCase(releasedBy);
  }

  private static String lowerCase(String address) {
    return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
  }
}
