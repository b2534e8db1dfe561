package io.qrelease.store;

import io.qrelease.domain.MailCopy;
import java.time.Instant;

/** A copy as the quarantine page shows it: with who released it, and when, once it is released. */
public record QuarantineEntry(MailCopy copy, String releasedBy, Instant releasedAt) {
}
