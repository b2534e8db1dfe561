package io.qrelease.mailbox;

import io.qrelease.domain.EntityKey;
import java.util.Map;
import java.util.Set;

/**
 * What the mailbox answered for a batch.
 *
 * @param bulkId the tenant's id of the remediation, null where it gives none
 * @param refused the entities it refused, with its words for each
 * @param alreadyThere the entities found already where the action would put them
 */
public record Receipt(String bulkId, Map<EntityKey, String> refused, Set<EntityKey> alreadyThere) {

  public Receipt {
    refused = Map.copyOf(refused);
    alreadyThere = Set.copyOf(alreadyThere);
  }
}
