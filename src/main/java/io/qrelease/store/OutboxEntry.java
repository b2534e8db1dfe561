package io.qrelease.store;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.mailbox.Entity;
import java.time.Instant;

/**
 * An entity queued to be carried out in a tenant, with the copy's state as the rules saw it.
 *
 * @param position its place in the order of sending
 * @param batch the batch it was sent in, null while queued
 * @param sentAt when that batch was accepted, null while queued
 */
public record OutboxEntry(long position, EntityKey key, String quarantineIdentity, boolean toAllOfIdentity,
    Location location, ReleaseStatus releaseStatus, String operator, Instant actedAt, long lineNumber,
    Integer batch, Instant sentAt) {

  /** The entity as the mailbox is told of it. */
  public Entity entity() {
    MailCopy copy = new MailCopy(key.networkMessageId(), null, key.recipient(), null, null, null, location, null, null,
        null, null, releaseStatus, quarantineIdentity);
    return new Entity(copy, operator, actedAt, toAllOfIdentity);
  }
}
