package io.qrelease.store;

import java.time.Instant;

/** A call a release made to its tenant, as the Action center shows it. */
public record TenantBatch(int number, int entities, String state, String bulkId, Instant sentAt, int refused,
    int verified, int notVerified, String detail) {
}
