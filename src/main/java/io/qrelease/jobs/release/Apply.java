package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import io.qrelease.mailbox.Batch;
import io.qrelease.mailbox.Entity;
import io.qrelease.mailbox.MailboxActions;
import io.qrelease.mailbox.Receipt;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.OutboxEntry;
import io.qrelease.store.OutboxStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Carries out a chunk's decisions and audits them, in the chunk's transaction. On the store alone
 * the Success entities are carried out at once, as one guarded batch: an entity another run
 * released since it was read is audited AlreadyInDestination. In a tenant they are queued in the
 * outbox instead, for the send and verify steps, which audit them; a release needs the quarantine
 * identity Exchange knows the copy by, and an entity without one is audited Failed at once. A dry
 * run only audits.
 */
public class Apply implements ItemStreamWriter<DecidedMessage> {

  static final String QUEUED = "apply.queued";

  private final ActionStore actions;
  private final String actionId;
  private final ActionType type;
  /** Carries Success entities out in the chunk; null when they are queued or previewed. */
  private final MailboxActions now;
  /** Where Success entities wait for the tenant; null when they are not queued. */
  private final OutboxStore outbox;
  private long queued;

  Apply(ActionStore actions, String actionId, ActionType type, MailboxActions now, OutboxStore outbox) {
    this.actions = actions;
    this.actionId = actionId;
    this.type = type;
    this.now = now;
    this.outbox = outbox;
  }

  /** Audits every decision and changes nothing. */
  public static Apply preview(ActionStore actions, String actionId, ActionType type) {
    return new Apply(actions, actionId, type, null, null);
  }

  /** Carries Success entities out in the chunk that decides them. */
  public static Apply carryingOut(ActionStore actions, String actionId, ActionType type, MailboxActions mailbox) {
    return new Apply(actions, actionId, type, Objects.requireNonNull(mailbox), null);
  }

  /** Queues Success entities for a tenant. */
  public static Apply queueing(ActionStore actions, String actionId, ActionType type, OutboxStore outbox) {
    return new Apply(actions, actionId, type, null, Objects.requireNonNull(outbox));
  }

  @Override
  public void open(ExecutionContext context) {
    queued = context.getLong(QUEUED, 0L);
    if (outbox != null) {
      // HSQLDB commits the transaction before a table is made: nothing is written in it yet.
      outbox.create(actionId);
    }
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(QUEUED, queued);
  }

  @Override
  public void write(Chunk<? extends DecidedMessage> chunk) {
    List<AuditEntry> audit = new ArrayList<>();
    List<AuditEntry> successes = new ArrayList<>();
    List<Entity> entities = new ArrayList<>();
    List<OutboxEntry> queue = new ArrayList<>();
    long requested = 0;
    long duplicates = 0;
    for (DecidedMessage message : chunk) {
      requested += message.requested();
      duplicates += message.duplicates();
      // Whether Exchange may be told to release an identity to all: asked only of a release for a tenant.
      boolean releasing = outbox != null && type == ActionType.Release;
      Map<String, Set<String>> quarantinedByIdentity = releasing ? quarantinedByIdentity(message.copies()) : Map.of();
      Map<String, Set<String>> releasedByIdentity = releasing ? releasedByIdentity(message.decisions()) : Map.of();
      for (DecidedMessage.Decision decision : message.decisions()) {
        MailCopy copy = decision.release();
        AuditEntry entry = decision.audit();
        if (copy == null || (now == null && outbox == null)) {
          audit.add(entry);
        } else if (releasing && copy.quarantineIdentity() == null) {
          audit.add(new AuditEntry(entry.key(), new Verdict(Result.Failed,
              Reason.NoQuarantineIdentity), entry.operator(), entry.actedAt(), entry.lineNumber(),
              "No quarantine identity is known for this copy; import the quarantine export again.", null));
        } else {
          String identity = copy.quarantineIdentity();
          boolean toAll = releasing
              && releasedByIdentity.get(identity).containsAll(quarantinedByIdentity.getOrDefault(identity, Set.of()));
          Entity entity = new Entity(copy, entry.operator(), entry.actedAt(), toAll);
          successes.add(entry);
          entities.add(entity);
        }
      }
    }
    if (outbox != null) {
      queue(successes, entities, queue);
      outbox.queue(actionId, queue);
    } else if (now != null && !entities.isEmpty()) {
      audit.addAll(carriedOut(successes, now.carryOut(new Batch(type, null, null, entities))));
    }
    actions.audit(actionId, audit);
    actions.countRows(actionId, 0, requested, duplicates);
  }

  /** The quarantined recipients each quarantine identity of a message covers. */
  private static Map<String, Set<String>> quarantinedByIdentity(List<MailCopy> copies) {
    Map<String, Set<String>> byIdentity = new HashMap<>();
    for (MailCopy copy : copies) {
      if (copy.quarantineIdentity() != null && copy.location() == Location.Quarantine && !copy.released()) {
        byIdentity.computeIfAbsent(copy.quarantineIdentity(), identity -> new HashSet<>()).add(copy.recipient());
      }
    }
    return byIdentity;
  }

  /** The recipients this action releases, by the quarantine identity that covers them. */
  private static Map<String, Set<String>> releasedByIdentity(List<DecidedMessage.Decision> decisions) {
    Map<String, Set<String>> byIdentity = new HashMap<>();
    for (DecidedMessage.Decision decision : decisions) {
      MailCopy copy = decision.release();
      if (copy != null && copy.quarantineIdentity() != null) {
        byIdentity.computeIfAbsent(copy.quarantineIdentity(), identity -> new HashSet<>()).add(copy.recipient());
      }
    }
    return byIdentity;
  }

  /**
   * Numbers the chunk's Success entities in the order of sending: by message, as the chunk holds
   * them, then by quarantine identity, so that a batch keeps an identity's recipients together.
   */
  private void queue(List<AuditEntry> successes, List<Entity> entities, List<OutboxEntry> queue) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      MailCopy first = entities.get(a).copy();
      MailCopy second = entities.get(b).copy();
      int byMessage = first.networkMessageId().compareTo(second.networkMessageId());
      if (byMessage != 0) {
        return byMessage;
      }
      return Objects.toString(first.quarantineIdentity(), "").compareTo(Objects.toString(second.quarantineIdentity(), ""));
    });
    for (int i : order) {
      Entity entity = entities.get(i);
      AuditEntry entry = successes.get(i);
      MailCopy copy = entity.copy();
      queue.add(new OutboxEntry(++queued, entry.key(), copy.quarantineIdentity(), entity.toAllOfIdentity(),
          entry.actedAt(), entry.lineNumber(), null, null));
    }
  }

  /** The audit rows of entities carried out at once: Success, or AlreadyInDestination where another run was first. */
  private static List<AuditEntry> carriedOut(List<AuditEntry> successes, Receipt receipt) {
    List<AuditEntry> audit = new ArrayList<>(successes.size());
    for (AuditEntry entry : successes) {
      audit.add(receipt.alreadyThere().contains(entry.key())
          ? new AuditEntry(entry.key(), Verdict.ALREADY_IN_DESTINATION, entry.operator(), entry.actedAt(),
              entry.lineNumber())
          : entry);
    }
    return audit;
  }
}
