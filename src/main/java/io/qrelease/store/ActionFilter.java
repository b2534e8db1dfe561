package io.qrelease.store;

import io.qrelease.domain.ActionStatus;
import io.qrelease.domain.Source;
import java.time.Instant;

/** Which actions the Action center lists; a null field lets every action through. */
public record ActionFilter(Instant createdSince, ActionStatus status, Source source) {
}
