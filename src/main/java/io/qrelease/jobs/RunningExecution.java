package io.qrelease.jobs;

import java.util.function.Consumer;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Says which execution this process is running, as it starts, to whoever listens: the command
 * line writes it beside the database so that a run refused meanwhile can name it.
 */
@Component
public class RunningExecution implements JobExecutionListener {

  private volatile Consumer<String> listener = execution -> { };

  public void tell(Consumer<String> listener) {
    this.listener = listener;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    listener.accept("execution " + execution.getId() + " of the " + execution.getJobInstance().getJobName() + " job");
  }
}
