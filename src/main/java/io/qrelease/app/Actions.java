package io.qrelease.app;

import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionFilter;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import io.qrelease.store.OutboxStore;
import io.qrelease.store.AuditEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** The Action center, for any front end: its actions, one action, and an action's entities. */
@Service
public class Actions {

  private final ActionStore store;
  private final OutboxStore outbox;

  public Actions(ActionStore store, OutboxStore outbox) {
    this.store = store;
    this.outbox = outbox;
  }

  /** Newest first. */
  public List<ActionSummary> list(ActionFilter filter) {
    List<ActionRecord> records = store.list(filter);
    Map<String, ActionCounts> counts = store.counts(records.stream().map(ActionRecord::actionId).toList());
    return records.stream().map(action -> ActionSummary.of(action, counts.get(action.actionId()))).toList();
  }

  /** The action this id, or a prefix of it that no other action's id starts with (as git takes commits), names. */
  public ActionRecord find(String actionId) {
    List<ActionRecord> matching = actionId.isBlank() ? List.of() : store.startingWith(actionId.trim());
    if (matching.size() > 1) {
      throw new Refused("Several actions have ids starting with " + actionId.trim() + "; give more of the id.");
    }
    if (matching.isEmpty()) {
      throw new Refused("There is no action " + actionId + "; list them with 'actions'.");
    }
    return matching.get(0);
  }

  public ActionCounts counts(String actionId) {
    return store.counts(actionId);
  }

  /** What the action sent to its tenant, null when it sent nothing. */
  public TenantDelivery tenant(String actionId) {
    return TenantDelivery.of(outbox.batches(actionId));
  }

  /** The action's audit rows in input order, only those of a result or reason when one is given. */
  public void forEachEntity(String actionId, Result result, Reason reason, Consumer<AuditEntry> consumer) {
    store.forEachAudit(actionId, result, reason, consumer);
  }
}
