package io.qrelease.app;

import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.store.AuditEntry;
import java.time.Instant;

/**
 * The audit row of one entity of an action, in the shape every front end serializes; in a tenant,
 * with the tenant's words on it and the batch it was sent in (else null).
 */
public record EntityOutcome(long lineNumber, String networkMessageId, String recipient, Result result, Reason reason,
    String operator, Instant actedAt, String detail, Integer batch) {

  public static EntityOutcome of(AuditEntry entry) {
    return new EntityOutcome(entry.lineNumber(), entry.key().networkMessageId(), entry.key().recipient(),
        entry.verdict().result(), entry.verdict().reason(), entry.operator(), entry.actedAt(), entry.detail(),
        entry.batch());
  }
}
