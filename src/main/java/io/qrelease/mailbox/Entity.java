package io.qrelease.mailbox;

import io.qrelease.domain.MailCopy;
import java.time.Instant;

/**
 * One entity to carry out: the copy as the rules saw it (the store's guard against a second
 * release), who acts and when.
 *
 * @param toAllOfIdentity whether this action releases every quarantined recipient its quarantine
 *     identity covers, so that Exchange may be told to release it to all
 */
public record Entity(MailCopy copy, String operator, Instant actedAt, boolean toAllOfIdentity) {
}
