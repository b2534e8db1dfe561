package io.qrelease.jobs.release;

import io.qrelease.store.CommitDurability;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * While the send step runs, every commit reaches the disk before the next batch goes out, so that a
 * run killed while sending sends again at most the one batch that was in flight.
 */
public class DurableSending implements StepExecutionListener {

  private final CommitDurability durability;
  private Runnable restore = () -> { };

  public DurableSending(CommitDurability durability) {
    this.durability = durability;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    restore = durability.syncEveryCommit();
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    restore.run();
    return null;
  }
}
