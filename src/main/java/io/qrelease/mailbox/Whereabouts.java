package io.qrelease.mailbox;

import io.qrelease.domain.EntityKey;

/**
 * Whether an action has landed for an entity, as its mailbox reports it.
 *
 * @param detail the mailbox's words on where the copy is, for the audit row
 */
public record Whereabouts(EntityKey key, boolean landed, String detail) {
}
