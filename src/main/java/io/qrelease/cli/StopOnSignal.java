package io.qrelease.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Ctrl-C or a SIGTERM asks the running job to stop at its next chunk boundary, through Spring
 * Batch's own shutdown hook, held only while the job runs. The command then finishes as usual, so
 * the run ends Stopped with every committed chunk kept and the database shut down, and the process
 * exits with the command's code (see {@code Qrelease.main}).
 */
final class StopOnSignal implements JobExecutionListener {

  private final JobOperator jobOperator;
  private final Map<Long, Thread> hooks = new ConcurrentHashMap<>();

  StopOnSignal(JobOperator jobOperator) {
    this.jobOperator = jobOperator;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    Thread hook = new JobExecutionShutdownHook(execution, jobOperator);
    hooks.put(execution.getId(), hook);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void afterJob(JobExecution execution) {
    Thread hook = hooks.remove(execution.getId());
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook has stopped this very run; the process ends once the command has.
    }
  }
}
