package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import io.qrelease.mailbox.Batch;
import io.qrelease.mailbox.MailboxActions;
import io.qrelease.mailbox.Receipt;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.OutboxEntry;
import io.qrelease.store.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a chunk of batches to the tenant, several at once when the tenant allows concurrent
 * remediations. Each batch is recorded Prepared, and committed, before its call, so that a run cut
 * short shows what was in flight; the tenant's answer is recorded in the chunk's transaction: the
 * batch Accepted with its bulk id, and the entities it refused or found already done audited at
 * once, with its words. The rest wait for the verify step.
 */
public class Send implements ItemWriter<List<SendingBatch>> {

  private final OutboxStore outbox;
  private final ActionStore actions;
  private final MailboxActions mailbox;
  private final TransactionTemplate ownTransaction;
  private final String actionId;
  private final ActionType type;
  private final String actionName;
  private final String operator;
  /** How many batches the outbox makes, for the tenant's name of each. */
  private final long batchCount;

  public Send(OutboxStore outbox, ActionStore actions, MailboxActions mailbox, TransactionTemplate ownTransaction,
      String actionId, ActionType type, String actionName, String operator, long batchCount) {
    this.outbox = outbox;
    this.actions = actions;
    this.mailbox = mailbox;
    this.ownTransaction = ownTransaction;
    this.actionId = actionId;
    this.type = type;
    this.actionName = actionName;
    this.operator = operator;
    this.batchCount = batchCount;
  }

  @Override
  public void write(Chunk<? extends List<SendingBatch>> chunk) throws Exception {
    List<SendingBatch> batches = chunk.getItems().stream().flatMap(List::stream).toList();
    ownTransaction.executeWithoutResult(status -> batches.forEach(
        batch -> outbox.prepare(actionId, batch.number(), batch.entries().size(), batch.entries().get(0).position(),
            batch.entries().get(batch.entries().size() - 1).position())));
    List<Receipt> receipts = batches.size() == 1 ? List.of(carryOut(batches.get(0))) : carryOutTogether(batches);
    Instant answeredAt = Instant.now();
    List<AuditEntry> audit = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      SendingBatch batch = batches.get(i);
      Receipt receipt = receipts.get(i);
      int sent = 0;
      List<OutboxEntry> refused = new ArrayList<>();
      List<OutboxEntry> alreadyThere = new ArrayList<>();
      for (OutboxEntry entry : batch.entries()) {
        String refusal = receipt.refused().get(entry.key());
        if (refusal != null) {
          refused.add(entry);
          audit.add(entry.audited(new Verdict(Result.Failed, Reason.TenantRejected), operator, refusal, batch.number()));
        } else if (receipt.alreadyThere().contains(entry.key())) {
          alreadyThere.add(entry);
          audit.add(entry.audited(Verdict.ALREADY_IN_DESTINATION, operator, null, batch.number()));
        } else {
          sent++;
        }
      }
      String detail = refused.isEmpty() ? null : receipt.refused().get(refused.get(0).key());
      outbox.answered(actionId, batch.number(), receipt.bulkId(), answeredAt, sent, refused, alreadyThere, detail);
    }
    actions.audit(actionId, audit);
  }

  private Receipt carryOut(SendingBatch batch) {
    String name = (actionName == null ? "qrelease " + type.option() : actionName)
        + " (batch " + batch.number() + " of " + Math.max(batchCount, batch.number()) + ")";
    String description = "qrelease action " + actionId + ", batch " + batch.number();
    return mailbox.carryOut(new Batch(type, name, description,
        batch.entries().stream().map(entry -> entry.entity(operator)).toList()));
  }

  /** The batches' calls at once, as many as the chunk holds: the tenant's limit on concurrent remediations. */
  private List<Receipt> carryOutTogether(List<SendingBatch> batches) throws Exception {
    ExecutorService calls = Executors.newFixedThreadPool(batches.size());
    try {
      List<Future<Receipt>> answers = new ArrayList<>();
      batches.forEach(batch -> answers.add(calls.submit(() -> carryOut(batch))));
      List<Receipt> receipts = new ArrayList<>();
      for (Future<Receipt> answer : answers) {
        receipts.add(answer.get());
      }
      return receipts;
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof Exception cause ? cause : failed;
    } finally {
      calls.shutdownNow();
    }
  }
}
