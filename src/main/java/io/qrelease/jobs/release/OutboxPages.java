package io.qrelease.jobs.release;

import io.qrelease.store.OutboxEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;

/**
 * An action's outbox read from a position on, in the order of sending, a page at a time: the next
 * page is read when the one before has been taken, after its last entry.
 */
final class OutboxPages {

  private final LongFunction<List<OutboxEntry>> pageAfter;
  private final int pageSize;
  private final Deque<OutboxEntry> page = new ArrayDeque<>();
  /** The position of the last entry read from the outbox. */
  private long readThrough;
  private boolean exhausted;

  /**
   * @param pageAfter up to {@code pageSize} entries after a position; fewer only at the end
   */
  OutboxPages(long after, int pageSize, LongFunction<List<OutboxEntry>> pageAfter) {
    this.readThrough = after;
    this.pageSize = pageSize;
    this.pageAfter = pageAfter;
  }

  /** The next entry, left in place; null at the end. */
  OutboxEntry peek() {
    if (page.isEmpty() && !exhausted) {
      List<OutboxEntry> entries = pageAfter.apply(readThrough);
      exhausted = entries.size() < pageSize;
      if (!entries.isEmpty()) {
        readThrough = entries.get(entries.size() - 1).position();
      }
      page.addAll(entries);
    }
    return page.peek();
  }

  /** The next entry, taken; null at the end. */
  OutboxEntry poll() {
    peek();
    return page.poll();
  }
}
