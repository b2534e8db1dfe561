package io.qrelease.domain;

import java.time.Instant;

/** One delivered (or quarantined) copy of a message for one recipient: a row of the store. */
public record MailCopy(
    String networkMessageId,
    String internetMessageId,
    String recipient,
    String sender,
    String subject,
    Instant receivedAt,
    Location location,
    QuarantineType quarantineType,
    String policyType,
    String policyName,
    Instant expiresAt,
    ReleaseStatus releaseStatus,
    /** Exchange's identity of the quarantined message ({@code GUID\GUID}), which a release names; null when not known. */
    String quarantineIdentity) {

  public EntityKey key() {
    return new EntityKey(networkMessageId, recipient);
  }

  /** An approved release request has already been carried out, so releasing that copy again would be a second release. */
  public boolean released() {
    return releaseStatus == ReleaseStatus.Released || releaseStatus == ReleaseStatus.Approved;
  }

  public boolean expiredAt(Instant now) {
    return location == Location.Quarantine && expiresAt != null && expiresAt.isBefore(now);
  }
}
