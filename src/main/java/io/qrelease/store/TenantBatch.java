package io.qrelease.store;

import java.time.Instant;

/** A call a release made to its tenant, and the range of outbox positions it carried. */
public record TenantBatch(int number, int entities, long firstPosition, long lastPosition, String state,
    String bulkId, Instant sentAt, int refused, int verified, int notVerified, String detail) {
}
