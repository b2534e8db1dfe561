package io.qrelease.jobs.release;

import io.qrelease.domain.ActionRequest;
import io.qrelease.domain.ActionType;
import io.qrelease.domain.Operator;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.jobs.ExportReader;
import io.qrelease.jobs.RunParameters;
import io.qrelease.store.ActionStore;
import io.qrelease.store.MailCopyStore;
import io.qrelease.tenant.Tenant;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The release job: one bulk email action over a selection, every entity decided and audited. */
@Configuration(proxyBeanMethods = false)
public class ReleaseJobConfiguration {

  public static final String JOB_NAME = "release";

  @Bean(JOB_NAME)
  public Job releaseJob(JobRepository jobRepository, Step releaseStep, ActionStore actions) {
    return new JobBuilder(JOB_NAME, jobRepository).listener(new ActionLifecycle(actions)).start(releaseStep).build();
  }

  @Bean
  public Step releaseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      ExportReader<SelectionRow> selectionReader, ReleaseWriter releaseWriter,
      @Value("${qrelease.chunk-size:1000}") int chunkSize) {
    return new StepBuilder("releaseStep", jobRepository)
        .<SelectionRow, SelectionRow>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(selectionReader)
        .writer(releaseWriter)
        .build();
  }

  @Bean
  @StepScope
  public ExportReader<SelectionRow> selectionReader(
      @Value("#{jobParameters['" + RunParameters.INPUT + "']}") String input) {
    return new ExportReader<>(Path.of(input), SelectionRow::of);
  }

  @Bean
  @StepScope
  public ReleaseWriter releaseWriter(MailCopyStore copies, ActionStore actions,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + ReleaseParameters.OPERATOR + "']}") String upn,
      @Value("#{jobParameters['" + ReleaseParameters.TENANT + "']}") String tenantFile,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.RELEASE_TO + "']}") String releaseTo,
      @Value("#{jobParameters['" + ReleaseParameters.FORCE + "']}") String force) {
    Operator operator = Tenant.load(Path.of(tenantFile)).operator(upn)
        .orElseThrow(() -> new IllegalStateException("Operator " + upn + " is no longer in " + tenantFile + "."));
    ActionType type = ActionType.fromOption(action);
    boolean forced = Boolean.parseBoolean(force);
    return new ReleaseWriter(copies, actions, actionId, ReleaseTarget.parse(releaseTo),
        () -> new ActionRequest(type, operator, forced, Instant.now()));
  }
}
