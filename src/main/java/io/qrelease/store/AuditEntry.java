package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Verdict;
import java.time.Instant;

/**
 * The audit row of one entity of an action.
 *
 * @param detail a tenant's words on the entity, null on the store alone
 * @param batch the tenant batch the entity was sent in, null when it was not sent
 */
public record AuditEntry(EntityKey key, Verdict verdict, String operator, Instant actedAt, long lineNumber,
    String detail, Integer batch) {

  public AuditEntry(EntityKey key, Verdict verdict, String operator, Instant actedAt, long lineNumber) {
    this(key, verdict, operator, actedAt, lineNumber, null, null);
  }
}
