package io.qrelease.jobs;

import io.qrelease.report.Terminal;
import java.time.Duration;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The progress display every job's step shares, one per step execution. */
@Configuration(proxyBeanMethods = false)
public class ProgressConfiguration {

  @Bean
  @StepScope
  public Progress progress(@Value("#{jobParameters['" + RunParameters.INPUT_ROWS + "']}") Long inputRows,
      @Value("${qrelease.progress-interval:10s}") Duration interval) {
    return new Progress(inputRows == null ? 0 : inputRows, "rows", interval, System.console() != null,
        Terminal.width(), System.out);
  }

  /** The progress of a step that reads a staged selection a message at a time, however many there are. */
  @Bean
  @StepScope
  public Progress messageProgress(@Value("${qrelease.progress-interval:10s}") Duration interval) {
    return new Progress(0, "messages", interval, System.console() != null, Terminal.width(), System.out);
  }
}
