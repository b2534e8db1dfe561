package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.Verdict;
import io.qrelease.mailbox.Entity;
import java.time.Instant;

/**
 * An entity queued to be carried out in a tenant: what the tenant is told of it, and what its audit
 * row will say.
 *
 * @param position its place in the order of sending
 * @param actedAt when the rules decided it
 * @param batch the batch it was sent in, null while queued
 * @param sentAt when that batch was accepted, null while queued
 */
public record OutboxEntry(long position, EntityKey key, String quarantineIdentity, boolean toAllOfIdentity,
    Instant actedAt, long lineNumber, Integer batch, Instant sentAt) {

  /** The entity as the tenant is told of it. */
  public Entity entity(String operator) {
    MailCopy copy = new MailCopy(key.networkMessageId(), null, key.recipient(), null, null, null, null, null, null,
        null, null, null, quarantineIdentity);
    return new Entity(copy, operator, actedAt, toAllOfIdentity);
  }

  /** The entity's audit row, with the tenant's words on it and the batch it went in. */
  public AuditEntry audited(Verdict verdict, String operator, String detail, Integer inBatch) {
    return new AuditEntry(key, verdict, operator, actedAt, lineNumber, detail, inBatch);
  }

  OutboxEntry sentIn(int sentBatch, Instant acceptedAt) {
    return new OutboxEntry(position, key, quarantineIdentity, toAllOfIdentity, actedAt, lineNumber, sentBatch,
        acceptedAt);
  }
}
