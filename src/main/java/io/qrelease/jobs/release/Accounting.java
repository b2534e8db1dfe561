package io.qrelease.jobs.release;

import io.qrelease.domain.Tally;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import io.qrelease.store.OutboxStore;
import io.qrelease.store.SelectionStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of a release: holds the audit table's tally against the rows read and the entities
 * requested, and fails the step, and so the run, when they do not balance; a run that cannot
 * account for every row must not look complete. Once they balance, it drops the staged selection and
 * empties the outbox.
 */
public class Accounting implements Tasklet {

  private final ActionStore actions;
  private final SelectionStore selections;
  private final OutboxStore outbox;
  private final String actionId;
  /** The rows the input file was counted to have before the run, or null when the input is not a file. */
  private final Long inputRows;

  public Accounting(ActionStore actions, SelectionStore selections, OutboxStore outbox, String actionId,
      Long inputRows) {
    this.actions = actions;
    this.selections = selections;
    this.outbox = outbox;
    this.actionId = actionId;
    this.inputRows = inputRows;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    ActionRecord action = actions.find(actionId).orElseThrow();
    new Tally(inputRows == null ? -1 : inputRows, action.rowsRead(), action.entities(),
        actions.counts(actionId).total(), action.duplicateRows()).imbalance().ifPresent(imbalance -> {
          throw new IllegalStateException("The action's accounting does not balance: " + imbalance);
        });
    selections.drop(actionId);
    outbox.drop(actionId);
    return RepeatStatus.FINISHED;
  }
}
