package io.qrelease.jobs.release;

import io.qrelease.domain.ActionRequest;
import io.qrelease.domain.ActionType;
import io.qrelease.domain.Operator;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.jobs.ExportReader;
import io.qrelease.jobs.Progress;
import io.qrelease.jobs.RunInputs;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.RunningExecution;
import io.qrelease.store.ActionStore;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.SelectionStore;
import io.qrelease.tenant.Tenant;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The release job: one bulk email action over a selection, every entity decided and audited. */
@Configuration(proxyBeanMethods = false)
public class ReleaseJobConfiguration {

  public static final String JOB_NAME = "release";
  public static final String STAGE = "stage";
  public static final String DECIDE_AND_APPLY = "decideAndApply";
  public static final String ACCOUNTING = "accounting";

  /**
   * Stage the selection, decide and apply it a chunk of messages at a time, then check the
   * accounting. In a tenant, decide and apply would be followed by steps that send and verify.
   */
  @Bean(JOB_NAME)
  public Job releaseJob(JobRepository jobRepository, Step stage, Step decideAndApply, Step accounting,
      ActionStore actions, RunningExecution runningExecution, RunInputs runInputs) {
    return new JobBuilder(JOB_NAME, jobRepository).validator(new OperatorMayAct())
        .listener(runInputs).listener(new ActionLifecycle(actions)).listener(runningExecution)
        .start(stage).next(decideAndApply).next(accounting).build();
  }

  @Bean
  public Step stage(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      ItemStreamReader<SelectionRow> selectionReader, StagingWriter stagingWriter, RuleStaging ruleStaging,
      Progress progress, @Value("${qrelease.chunk-size:1000}") int chunkSize) {
    Step ruleCopies = new StepBuilder(STAGE, jobRepository).tasklet(ruleStaging, transactionManager).build();
    Step inputRows = new StepBuilder(STAGE, jobRepository)
        .<SelectionRow, SelectionRow>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(selectionReader)
        .writer(stagingWriter)
        .listener(progress)
        .build();
    return new Staging(ruleCopies, inputRows);
  }

  @Bean
  public Step decideAndApply(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      StagedMessages stagedMessages, Decide decide, Apply apply, Progress messageProgress,
      @Value("${qrelease.chunk-size:1000}") int chunkSize) {
    return new StepBuilder(DECIDE_AND_APPLY, jobRepository)
        .<StagedMessage, DecidedMessage>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(stagedMessages)
        .processor(decide)
        .writer(apply)
        .listener(messageProgress)
        .build();
  }

  @Bean
  public Step accounting(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      Accounting accountingTasklet) {
    return new StepBuilder(ACCOUNTING, jobRepository).tasklet(accountingTasklet, transactionManager).build();
  }

  /** The rows of the input file, or the one message of an email entity action. */
  @Bean
  @StepScope
  public ItemStreamReader<SelectionRow> selectionReader(
      @Value("#{jobParameters['" + RunParameters.INPUT + "']}") String input,
      @Value("#{jobParameters['" + ReleaseParameters.MESSAGE + "']}") String message) {
    return message != null ? new OneMessage(message) : new ExportReader<>(Path.of(input), SelectionRow::of);
  }

  @Bean
  @StepScope
  public RuleStaging ruleStaging(SelectionStore selections, ActionStore actions,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + ReleaseParameters.RULE + "']}") String rule,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.WINDOW_START + "']}") String windowStart,
      @Value("#{jobParameters['" + ReleaseParameters.WINDOW_END + "']}") String windowEnd) {
    RuleSelection selection = RuleSelection.of(RuleParameter.parse(rule), ActionType.fromOption(action),
        Instant.parse(windowStart), Instant.parse(windowEnd));
    return new RuleStaging(selection, selections, actions, actionId);
  }

  @Bean
  @StepScope
  public StagingWriter stagingWriter(SelectionStore selections, ActionStore actions,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId) {
    return new StagingWriter(selections, actions, actionId);
  }

  @Bean
  @StepScope
  public StagedMessages stagedMessages(SelectionStore selections, MailCopyStore copies,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("${qrelease.chunk-size:1000}") int chunkSize) {
    return new StagedMessages(selections, copies, actionId, chunkSize);
  }

  @Bean
  @StepScope
  public Decide decide(
      @Value("#{jobParameters['" + ReleaseParameters.OPERATOR + "']}") String upn,
      @Value("#{jobParameters['" + ReleaseParameters.TENANT + "']}") String tenantFile,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.RELEASE_TO + "']}") String releaseTo,
      @Value("#{jobParameters['" + ReleaseParameters.FORCE + "']}") String force) {
    Operator operator = Tenant.load(Path.of(tenantFile)).operator(upn)
        .orElseThrow(() -> new IllegalStateException("Operator " + upn + " is no longer in " + tenantFile + "."));
    ActionType type = ActionType.fromOption(action);
    boolean forced = Boolean.parseBoolean(force);
    return new Decide(ReleaseTarget.parse(releaseTo), () -> new ActionRequest(type, operator, forced, Instant.now()));
  }

  @Bean
  @StepScope
  public Apply apply(MailCopyStore copies, ActionStore actions,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + RunParameters.DRY_RUN + "']}") String dryRun) {
    return new Apply(copies, actions, actionId, Boolean.parseBoolean(dryRun));
  }

  @Bean
  @StepScope
  public Accounting accountingTasklet(ActionStore actions, SelectionStore selections,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + RunParameters.INPUT_ROWS + "']}") Long inputRows) {
    return new Accounting(actions, selections, actionId, inputRows);
  }
}
