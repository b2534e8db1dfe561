package io.qrelease.jobs.release;

import io.qrelease.store.OutboxEntry;
import io.qrelease.store.OutboxStore;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the entities the tenant accepted, in the order they were sent, a page at a time. A resumed
 * run goes on after the last entity its committed chunks verified.
 */
public class SentEntities implements ItemStreamReader<OutboxEntry> {

  static final String VERIFIED_THROUGH = "verify.position";

  private final OutboxStore outbox;
  private final String actionId;
  private final int pageSize;
  private long verifiedThrough;
  private OutboxPages pages;

  public SentEntities(OutboxStore outbox, String actionId, int pageSize) {
    this.outbox = outbox;
    this.actionId = actionId;
    this.pageSize = pageSize;
  }

  @Override
  public void open(ExecutionContext context) {
    verifiedThrough = context.getLong(VERIFIED_THROUGH, 0L);
    pages = new OutboxPages(verifiedThrough, pageSize, position -> outbox.sentAfter(actionId, position, pageSize));
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(VERIFIED_THROUGH, verifiedThrough);
  }

  @Override
  public OutboxEntry read() {
    OutboxEntry next = pages.poll();
    if (next != null) {
      verifiedThrough = next.position();
    }
    return next;
  }
}
