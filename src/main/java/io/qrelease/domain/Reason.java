package io.qrelease.domain;

/**
 * Why an entity was skipped or failed; absent for Success and AlreadyInDestination. The last three
 * arise only in a tenant: it refused the entity, never confirmed it, or qrelease knows no quarantine
 * identity to name it by.
 */
public enum Reason {
  InvalidRow, NotFound, NotOriginalRecipient, OutOfScope, Undeliverable, NotQuarantined, Expired, AdminOnly,
  TenantRejected, NotVerified, NoQuarantineIdentity
}
