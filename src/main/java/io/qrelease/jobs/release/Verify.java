package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import io.qrelease.mailbox.MailboxActions;
import io.qrelease.mailbox.Whereabouts;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.OutboxEntry;
import io.qrelease.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Asks the tenant where a chunk of sent entities is now, again, at doubling intervals, while some have
 * not landed and their batch's time to land ({@code verifyTimeout} after it was accepted) has not passed. An
 * entity that landed is audited Success and its copy in the store takes what the tenant confirmed;
 * one that did not, Failed and NotVerified, with where the tenant last said it was.
 */
public class Verify implements ItemWriter<OutboxEntry> {

  /** The wait between two askings doubles from the first up to this, so a slow tenant is not asked in vain. */
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  private final MailboxActions mailbox;
  private final ActionStore actions;
  private final OutboxStore outbox;
  private final MailCopyStore copies;
  private final String actionId;
  private final String operator;
  private final ActionType type;
  private final Duration timeout;
  private final Duration pollEvery;

  public Verify(MailboxActions mailbox, ActionStore actions, OutboxStore outbox, MailCopyStore copies,
      String actionId, String operator, ActionType type, Duration timeout, Duration pollEvery) {
    this.mailbox = mailbox;
    this.actions = actions;
    this.outbox = outbox;
    this.copies = copies;
    this.actionId = actionId;
    this.operator = operator;
    this.type = type;
    this.timeout = timeout;
    this.pollEvery = pollEvery;
  }

  @Override
  public void write(Chunk<? extends OutboxEntry> chunk) throws InterruptedException {
    Map<EntityKey, OutboxEntry> pending = new LinkedHashMap<>();
    chunk.forEach(entry -> pending.put(entry.key(), entry));
    List<OutboxEntry> landed = new ArrayList<>();
    Map<EntityKey, String> lastSaid = new LinkedHashMap<>();
    Duration wait = pollEvery;
    while (true) {
      List<OutboxEntry> asked = List.copyOf(pending.values());
      List<Whereabouts> answers = mailbox.whereNow(type, asked.stream().map(entry -> entry.entity(operator)).toList());
      for (Whereabouts whereabouts : answers) {
        if (whereabouts.landed()) {
          landed.add(pending.remove(whereabouts.key()));
        } else {
          lastSaid.put(whereabouts.key(), whereabouts.detail());
        }
      }
      Instant lastDeadline = pending.values().stream().map(entry -> entry.sentAt().plus(timeout))
          .max(Instant::compareTo).orElse(Instant.MIN);
      Duration left = Duration.between(Instant.now(), lastDeadline);
      if (pending.isEmpty() || left.isNegative()) {
        break;
      }
      Thread.sleep(Math.max(1, Math.min(wait.toMillis(), left.toMillis())));
      wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
    }
    record(landed, List.copyOf(pending.values()), lastSaid);
  }

  private void record(List<OutboxEntry> landed, List<OutboxEntry> notLanded, Map<EntityKey, String> lastSaid) {
    List<AuditEntry> audit = new ArrayList<>();
    Map<Integer, int[]> byBatch = new TreeMap<>();
    Instant confirmedAt = Instant.now();
    for (OutboxEntry entry : landed) {
      audit.add(entry.audited(Verdict.SUCCESS, operator, null, entry.batch()));
      byBatch.computeIfAbsent(entry.batch(), batch -> new int[2])[0]++;
    }
    for (OutboxEntry entry : notLanded) {
      String said = lastSaid.get(entry.key());
      audit.add(entry.audited(new Verdict(Result.Failed, Reason.NotVerified), operator,
          "Not confirmed within " + timeout.toSeconds() + " s of the batch's acceptance"
              + (said == null ? "" : "; the tenant last said: " + said), entry.batch()));
      byBatch.computeIfAbsent(entry.batch(), batch -> new int[2])[1]++;
    }
    if (!landed.isEmpty()) {
      copies.confirm(landed.stream().map(OutboxEntry::key).toList(), operator, confirmedAt);
    }
    actions.audit(actionId, audit);
    byBatch.forEach((batch, counts) -> outbox.verified(actionId, batch, counts[0], counts[1]));
  }
}
