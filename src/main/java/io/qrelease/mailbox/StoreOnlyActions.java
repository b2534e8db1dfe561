package io.qrelease.mailbox;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.MailCopy;
import io.qrelease.store.MailCopyStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * qrelease's own store as the mailbox, for a tenant it does not reach: carrying out is the guarded
 * write of the copies, and what it wrote has landed. A copy another run changed since the rules read
 * it is already where that run put it, and is not released a second time.
 */
public class StoreOnlyActions implements MailboxActions {

  private final MailCopyStore copies;

  public StoreOnlyActions(MailCopyStore copies) {
    this.copies = copies;
  }

  @Override
  public Receipt carryOut(Batch batch) {
    List<Entity> entities = batch.entities();
    if (entities.isEmpty()) {
      return new Receipt(null, Map.of(), Set.of());
    }
    boolean[] won = copies.release(entities.stream().map(Entity::copy).toList(), entities.get(0).operator(),
        entities.stream().map(Entity::actedAt).toList());
    Set<EntityKey> alreadyThere = new HashSet<>();
    for (int i = 0; i < won.length; i++) {
      if (!won[i]) {
        alreadyThere.add(entities.get(i).copy().key());
      }
    }
    return new Receipt(null, Map.of(), alreadyThere);
  }

  @Override
  public List<Whereabouts> whereNow(ActionType type, List<Entity> entities) {
    return entities.stream().map(Entity::copy).map(MailCopy::key).map(key -> new Whereabouts(key, true, null)).toList();
  }
}
