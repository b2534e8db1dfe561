package io.qrelease.jobs.release;

import io.qrelease.store.ActionStore;
import io.qrelease.store.SelectionStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Stages the copies a custom detection rule selects in one statement and counts them as the rows
 * read, in one transaction: a run stopped before it commits stages them again from none.
 */
public class RuleStaging implements Tasklet {

  private final RuleSelection selection;
  private final SelectionStore selections;
  private final ActionStore actions;
  private final String actionId;

  public RuleStaging(RuleSelection selection, SelectionStore selections, ActionStore actions, String actionId) {
    this.selection = selection;
    this.selections = selections;
    this.actions = actions;
    this.actionId = actionId;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    // HSQLDB commits the transaction before a table is made: nothing is written in it yet.
    selections.create(actionId);
    long copies = selection.stage(selections, actionId);
    actions.countRows(actionId, copies, 0, 0);
    chunkContext.getStepContext().getStepExecution().setReadCount(copies);
    return RepeatStatus.FINISHED;
  }
}
