package io.qrelease.jobs.release;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.MailCopy;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.SelectionStore;
import io.qrelease.store.StagedRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the staged selection a message at a time, in key order, a page of staged rows and one
 * lookup of their messages' copies at a time. A resumed run goes on after the last message its
 * committed chunks decided.
 */
public class StagedMessages implements ItemStreamReader<StagedMessage> {

  static final String LAST_MESSAGE = "staged.lastMessage";

  private final SelectionStore selections;
  private final MailCopyStore copies;
  private final String actionId;
  private final int pageSize;
  private final Deque<StagedMessage> page = new ArrayDeque<>();
  /** The last message read; null before the first. */
  private String last;
  private boolean exhausted;

  public StagedMessages(SelectionStore selections, MailCopyStore copies, String actionId, int pageSize) {
    this.selections = selections;
    this.copies = copies;
    this.actionId = actionId;
    this.pageSize = pageSize;
  }

  @Override
  public void open(ExecutionContext context) {
    last = context.containsKey(LAST_MESSAGE) ? context.getString(LAST_MESSAGE) : null;
  }

  @Override
  public StagedMessage read() {
    if (page.isEmpty() && !exhausted) {
      readPage();
    }
    StagedMessage next = page.poll();
    if (next != null) {
      last = next.networkMessageId();
    }
    return next;
  }

  private void readPage() {
    List<StagedRow> rows = selections.after(actionId, last, pageSize);
    exhausted = rows.size() < pageSize;
    List<List<StagedRow>> messages = byMessage(rows);
    if (!exhausted) {
      // The page may end part-way through its last message: that message is read whole, alone or next time.
      List<StagedRow> cut = messages.remove(messages.size() - 1);
      if (messages.isEmpty()) {
        messages.add(selections.of(actionId, cut.get(0).networkMessageId()));
      }
    }
    Map<String, List<MailCopy>> known = copies.copiesOf(messages.stream().map(message -> message.get(0))
        .map(StagedRow::networkMessageId).filter(EntityKey::isMessageId).toList());
    for (List<StagedRow> message : messages) {
      String id = message.get(0).networkMessageId();
      page.add(new StagedMessage(id, SelectionStore.collapsed(message), known.getOrDefault(id, List.of())));
    }
  }

  /** The rows of a page grouped by message, in the page's order. */
  private static List<List<StagedRow>> byMessage(List<StagedRow> page) {
    List<List<StagedRow>> messages = new ArrayList<>();
    for (StagedRow row : page) {
      if (messages.isEmpty()
          || !messages.get(messages.size() - 1).get(0).networkMessageId().equals(row.networkMessageId())) {
        messages.add(new ArrayList<>());
      }
      messages.get(messages.size() - 1).add(row);
    }
    return messages;
  }

  @Override
  public void update(ExecutionContext context) {
    if (last != null) {
      context.putString(LAST_MESSAGE, last);
    }
  }
}
