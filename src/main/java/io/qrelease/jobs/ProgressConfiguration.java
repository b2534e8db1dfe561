package io.qrelease.jobs;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The progress of every job's steps, one listener per step execution, told to whichever progress
 * report the front end that runs the job has put in the context.
 */
@Configuration(proxyBeanMethods = false)
public class ProgressConfiguration {

  @Bean
  @StepScope
  public Progress progress(ObjectProvider<ProgressReport> report,
      @Value("#{jobParameters['" + RunParameters.INPUT_ROWS + "']}") Long inputRows) {
    return new Progress(report.getIfAvailable(() -> ProgressReport.NONE), "rows", inputRows == null ? 0 : inputRows);
  }

  /** The progress of the batches a release sends to its tenant. */
  @Bean
  @StepScope
  public Progress batchProgress(ObjectProvider<ProgressReport> report) {
    return new Progress(report.getIfAvailable(() -> ProgressReport.NONE), "sent batches", 0);
  }

  /** The progress of the entities a release verifies in its tenant. */
  @Bean
  @StepScope
  public Progress entityProgress(ObjectProvider<ProgressReport> report) {
    return new Progress(report.getIfAvailable(() -> ProgressReport.NONE), "verified entities", 0);
  }

  /** The progress of a step that reads a staged selection a message at a time, however many there are. */
  @Bean
  @StepScope
  public Progress messageProgress(ObjectProvider<ProgressReport> report) {
    return new Progress(report.getIfAvailable(() -> ProgressReport.NONE), "messages", 0);
  }
}
