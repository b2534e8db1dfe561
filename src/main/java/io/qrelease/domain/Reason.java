package io.qrelease.domain;

/** Why an entity was skipped; absent for Success and AlreadyInDestination. */
public enum Reason {
  InvalidRow, NotFound, NotOriginalRecipient, OutOfScope, Undeliverable, NotQuarantined, Expired, AdminOnly
}
