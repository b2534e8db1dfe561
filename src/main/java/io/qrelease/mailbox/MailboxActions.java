package io.qrelease.mailbox;

import io.qrelease.domain.ActionType;
import java.util.List;

/**
 * The port through which a release carries out what its rules decided, and learns whether it
 * landed: qrelease's own store ({@link StoreOnlyActions}), or a Microsoft 365 tenant. A fault the
 * mailbox does not get over (after its own retries) is thrown, and fails the step restartably.
 */
public interface MailboxActions {

  /** Carries out one batch: the entities are moved or released, or the mailbox says which it refused. */
  Receipt carryOut(Batch batch);

  /** Where each of these entities is now, in the order given: whether the action has landed for it. */
  List<Whereabouts> whereNow(ActionType type, List<Entity> entities);
}
