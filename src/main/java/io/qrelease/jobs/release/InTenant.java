package io.qrelease.jobs.release;

import io.qrelease.store.OutboxStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * After the decide step: a release whose outbox holds entities goes on to send and verify them in its
 * tenant; one that carried everything out in the store, or previewed it, goes straight to its accounting.
 */
public class InTenant implements JobExecutionDecider {

  static final FlowExecutionStatus SEND = new FlowExecutionStatus("SEND");
  static final FlowExecutionStatus ACCOUNT = new FlowExecutionStatus("ACCOUNT");

  private final OutboxStore outbox;

  public InTenant(OutboxStore outbox) {
    this.outbox = outbox;
  }

  @Override
  public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
    String actionId = jobExecution.getExecutionContext().getString(ActionLifecycle.ACTION_ID);
    return outbox.holdsAny(actionId) ? SEND : ACCOUNT;
  }
}
