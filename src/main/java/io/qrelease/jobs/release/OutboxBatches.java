package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.store.OutboxEntry;
import io.qrelease.store.OutboxStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the outbox as many batches at a time as the tenant lets run at once, in the order of sending:
 * a move's batch holds up to the tenant's batch size of entities, a release's up to that many
 * quarantine identities, each with all its recipients. A resumed run goes on after the last batch its
 * committed chunks sent, so the batch that was in flight when a run was cut short is read, numbered
 * and sent again as it was.
 */
public class OutboxBatches implements ItemStreamReader<List<SendingBatch>> {

  static final String SENT_THROUGH = "send.position";
  static final String BATCHES_SENT = "send.batches";
  /**
   * Entries read at a time, whatever the batch size: HSQLDB keeps a result of more than 10,000 rows
   * on disk (see the schema), and reading 50,000 at once took 1.4 s where ten pages of 5,000 take 0.3 s.
   */
  private static final int PAGE = 5_000;

  private final OutboxStore outbox;
  private final String actionId;
  private final ActionType type;
  private final int batchSize;
  private final int atOnce;
  /** The position of the last entry of the last batch read. */
  private long sentThrough;
  private int batches;
  private OutboxPages pages;

  public OutboxBatches(OutboxStore outbox, String actionId, ActionType type, int batchSize, int atOnce) {
    this.outbox = outbox;
    this.actionId = actionId;
    this.type = type;
    this.batchSize = batchSize;
    this.atOnce = atOnce;
  }

  @Override
  public void open(ExecutionContext context) {
    sentThrough = context.getLong(SENT_THROUGH, 0L);
    batches = context.getInt(BATCHES_SENT, 0);
    pages = new OutboxPages(sentThrough, PAGE, position -> outbox.after(actionId, position, PAGE));
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(SENT_THROUGH, sentThrough);
    context.putInt(BATCHES_SENT, batches);
  }

  @Override
  public List<SendingBatch> read() {
    List<SendingBatch> round = new ArrayList<>(atOnce);
    for (SendingBatch next = nextBatch(); next != null; next = round.size() < atOnce ? nextBatch() : null) {
      round.add(next);
    }
    return round.isEmpty() ? null : round;
  }

  private SendingBatch nextBatch() {
    List<OutboxEntry> entries = new ArrayList<>();
    int units = 0;
    String identity = null;
    while (true) {
      OutboxEntry next = pages.peek();
      if (next == null) {
        break;
      }
      boolean newUnit = type == ActionType.MoveToInbox || entries.isEmpty()
          || !Objects.equals(identity, next.quarantineIdentity());
      if (newUnit && units == batchSize) {
        break;
      }
      if (newUnit) {
        units++;
        identity = next.quarantineIdentity();
      }
      entries.add(pages.poll());
    }
    if (entries.isEmpty()) {
      return null;
    }
    sentThrough = entries.get(entries.size() - 1).position();
    return new SendingBatch(++batches, entries);
  }
}
