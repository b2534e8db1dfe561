package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Verdict;
import java.time.Instant;

/** The audit row of one entity of an action. */
public record AuditEntry(EntityKey key, Verdict verdict, String operator, Instant actedAt, long lineNumber) {
}
