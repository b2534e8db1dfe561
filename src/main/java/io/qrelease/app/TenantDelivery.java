package io.qrelease.app;

import io.qrelease.store.TenantBatch;
import java.util.List;

/**
 * How a release in a Microsoft 365 tenant went there: the calls it made and what became of the
 * entities they carried, with Graph's bulk id of each remediation, to find it in Defender's Action
 * center.
 *
 * @param sent the entities of batches the tenant accepted, less those it refused
 * @param failed those it refused and those it never confirmed
 */
public record TenantDelivery(int batches, long sent, long verified, long failed, List<String> bulkIds) {

  /** Null for an action that sent nothing to a tenant. */
  public static TenantDelivery of(List<TenantBatch> batches) {
    if (batches.isEmpty()) {
      return null;
    }
    long sent = 0;
    long verified = 0;
    long failed = 0;
    for (TenantBatch batch : batches) {
      sent += batch.sentAt() == null ? 0 : batch.entities() - batch.refused();
      verified += batch.verified();
      failed += batch.refused() + batch.notVerified();
    }
    return new TenantDelivery(batches.size(), sent, verified, failed,
        batches.stream().map(TenantBatch::bulkId).filter(id -> id != null).toList());
  }
}
