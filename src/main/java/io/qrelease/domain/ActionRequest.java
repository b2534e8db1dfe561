package io.qrelease.domain;

import java.time.Instant;

/** What one bulk action asks for; the same for every entity it touches. */
public record ActionRequest(ActionType action, Operator operator, boolean force, Instant now) {
}
