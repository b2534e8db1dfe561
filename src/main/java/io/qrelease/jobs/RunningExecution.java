package io.qrelease.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever listens which execution this process is running, as it starts and as it ends: the
 * command line notes it beside the database, so that a run refused meanwhile can name it, and
 * stops it when the process is told to end.
 */
@Component
public class RunningExecution implements JobExecutionListener {

  private final List<JobExecutionListener> listeners = new CopyOnWriteArrayList<>();

  public void tell(JobExecutionListener listener) {
    listeners.add(listener);
  }

  @Override
  public void beforeJob(JobExecution execution) {
    listeners.forEach(listener -> listener.beforeJob(execution));
  }

  @Override
  public void afterJob(JobExecution execution) {
    listeners.forEach(listener -> listener.afterJob(execution));
  }
}
