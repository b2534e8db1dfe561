package io.qrelease.jobs.release;

import io.qrelease.domain.EntityKey;
import io.qrelease.store.ActionStore;
import io.qrelease.store.SelectionStore;
import io.qrelease.store.StagedRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Stages a chunk of selection rows, one row per message and recipient named (a row naming none
 * stands for every recipient), repeats collapsed, and counts the rows read, in the chunk's
 * transaction, into the action's own table, made as the step opens.
 */
public class StagingWriter implements ItemStreamWriter<SelectionRow> {

  private final SelectionStore selections;
  private final ActionStore actions;
  private final String actionId;

  public StagingWriter(SelectionStore selections, ActionStore actions, String actionId) {
    this.selections = selections;
    this.actions = actions;
    this.actionId = actionId;
  }

  @Override
  public void open(ExecutionContext context) {
    selections.create(actionId);
  }

  @Override
  public void write(Chunk<? extends SelectionRow> chunk) {
    Map<EntityKey, StagedRow> staged = new LinkedHashMap<>();
    for (SelectionRow row : chunk) {
      for (String recipient : row.recipients().isEmpty() ? List.of("") : row.recipients()) {
        EntityKey key = ActionStore.stored(new EntityKey(row.networkMessageId(), recipient));
        staged.merge(key, new StagedRow(key.networkMessageId(), key.recipient(), row.lineNumber(), 0),
            (first, repeat) -> new StagedRow(first.networkMessageId(), first.recipient(), first.lineNumber(),
                first.repeats() + 1));
      }
    }
    selections.stage(actionId, staged.values());
    actions.countRows(actionId, chunk.size(), 0, 0);
  }
}
