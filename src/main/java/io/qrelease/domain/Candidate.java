package io.qrelease.domain;

/**
 * An entity as it reaches the rules: its key, whether the input row was well formed, the copy
 * the store holds for it (null when none), and whether the recipient was named by the release
 * target although the store knows the message without that recipient.
 */
public record Candidate(EntityKey key, boolean wellFormed, MailCopy copy, boolean notOriginalRecipient) {
}
