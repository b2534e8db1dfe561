package io.qrelease.domain;

/**
 * Why an entity was skipped or failed; absent for Success and AlreadyInDestination. The last three
 * arise only in a tenant: it refused the entity, never confirmed it, or qrelease knows no quarantine
 * identity to name it by.
 */
public enum Reason {
  InvalidRow, NotFound, NotOriginalRecipient, OutOfScope, Undeliverable, NotQuarantined, Expired, AdminOnly,
  TenantRejected, NotVerified, NoQuarantineIdentity;

  /** Whether the reason is for a failure to carry an entity out, rather than for skipping it. */
  public boolean failure() {
    return this == TenantRejected || this == NotVerified || this == NoQuarantineIdentity;
  }
}
