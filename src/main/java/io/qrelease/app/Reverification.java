package io.qrelease.app;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.mailbox.Entity;
import io.qrelease.mailbox.MailboxActions;
import io.qrelease.mailbox.Whereabouts;
import io.qrelease.microsoft365.Microsoft365Actions;
import io.qrelease.microsoft365.Patience;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.OutboxStore;
import io.qrelease.tenant.Microsoft365;
import io.qrelease.tenant.Tenant;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the tenant again about the entities of an earlier action that it had not confirmed in time
 * (Failed, NotVerified): each it confirms now is audited Success, and its copy takes what the tenant
 * confirmed, a page at a time in one transaction each. The rest stay as they were.
 */
@Service
public class Reverification {

  private static final int PAGE = 5_000;

  private final Actions actions;
  private final ActionStore store;
  private final OutboxStore outbox;
  private final MailCopyStore copies;
  private final TransactionTemplate transaction;
  private final Patience patience;

  public Reverification(Actions actions, ActionStore store, OutboxStore outbox, MailCopyStore copies,
      TransactionTemplate transaction, Patience patience) {
    this.actions = actions;
    this.store = store;
    this.outbox = outbox;
    this.copies = copies;
    this.transaction = transaction;
    this.patience = patience;
  }

  /** How many entities were asked about, and how many the tenant confirmed now. */
  public record Outcome(String actionId, long asked, long confirmed) {
  }

  public Outcome verifyAgain(String actionId, Path tenantFile) {
    ActionRecord action = actions.find(actionId);
    Microsoft365 tenant = Tenant.load(tenantFile).microsoft365().orElseThrow(() -> new Refused(tenantFile
        + " has no microsoft365 block, so there is no tenant to ask; name the tenant file the action was run with."));
    MailboxActions mailbox = new Microsoft365Actions(tenant, patience);
    ActionType type = ActionType.fromOption(action.actionType());
    List<AuditEntry> page = new ArrayList<>();
    long[] counts = new long[2];
    store.forEachAudit(action.actionId(), Result.Failed, Reason.NotVerified, entry -> {
      page.add(entry);
      if (page.size() == PAGE) {
        counts[1] += askAgain(action, type, mailbox, page);
        counts[0] += page.size();
        page.clear();
      }
    });
    if (!page.isEmpty()) {
      counts[1] += askAgain(action, type, mailbox, page);
      counts[0] += page.size();
    }
    return new Outcome(action.actionId(), counts[0], counts[1]);
  }

  private long askAgain(ActionRecord action, ActionType type, MailboxActions mailbox, List<AuditEntry> page) {
    Map<String, List<MailCopy>> stored = copies.copiesOf(page.stream().map(entry -> entry.key().networkMessageId())
        .distinct().toList());
    Map<EntityKey, MailCopy> byKey = new HashMap<>();
    stored.values().forEach(list -> list.forEach(copy -> byKey.put(copy.key(), copy)));
    List<Entity> entities = page.stream().map(entry -> new Entity(byKey.getOrDefault(entry.key(),
        new MailCopy(entry.key().networkMessageId(), null, entry.key().recipient(), null, null, null, null, null, null,
            null, null, null, null)), action.operator(), entry.actedAt(), false)).toList();
    List<Whereabouts> answers = mailbox.whereNow(type, entities);
    List<AuditEntry> confirmed = new ArrayList<>();
    Map<Integer, Integer> byBatch = new TreeMap<>();
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i).landed()) {
        AuditEntry entry = page.get(i);
        confirmed.add(entry);
        if (entry.batch() != null) {
          byBatch.merge(entry.batch(), 1, Integer::sum);
        }
      }
    }
    if (!confirmed.isEmpty()) {
      Instant now = Instant.now();
      transaction.executeWithoutResult(status -> {
        store.reverified(action.actionId(), confirmed);
        copies.confirm(confirmed.stream().map(AuditEntry::key).toList(), action.operator(), now);
        byBatch.forEach((batch, count) -> outbox.reverified(action.actionId(), batch, count));
      });
    }
    return confirmed.size();
  }
}
