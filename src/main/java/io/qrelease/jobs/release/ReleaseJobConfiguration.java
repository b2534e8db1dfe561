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
import io.qrelease.mailbox.MailboxActions;
import io.qrelease.mailbox.StoreOnlyActions;
import io.qrelease.microsoft365.Microsoft365Actions;
import io.qrelease.microsoft365.Patience;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import io.qrelease.store.CommitDurability;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.OutboxEntry;
import io.qrelease.store.OutboxStore;
import io.qrelease.store.SelectionStore;
import io.qrelease.tenant.Microsoft365;
import io.qrelease.tenant.Tenant;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The release job: one bulk email action over a selection, every entity decided and audited. */
@Configuration(proxyBeanMethods = false)
public class ReleaseJobConfiguration {

  public static final String JOB_NAME = "release";
  public static final String STAGE = "stage";
  public static final String DECIDE_AND_APPLY = "decideAndApply";
  public static final String ACCOUNTING = "accounting";
  public static final String SEND = "send";
  public static final String VERIFY = "verify";

  /**
   * Stage the selection, decide and apply it a chunk of messages at a time, then check the
   * accounting. In a tenant, decide and apply queue the Success entities, and two steps send them in
   * batches and verify they landed before the accounting.
   */
  @Bean(JOB_NAME)
  public Job releaseJob(JobRepository jobRepository, Step stage, Step decideAndApply, Step send, Step verify,
      Step accounting, ActionStore actions, OutboxStore outbox, RunningExecution runningExecution,
      RunInputs runInputs) {
    InTenant inTenant = new InTenant(outbox);
    return new JobBuilder(JOB_NAME, jobRepository).validator(new OperatorMayAct())
        .listener(runInputs).listener(new ActionLifecycle(actions)).listener(runningExecution)
        .start(stage).next(decideAndApply).next(inTenant)
        .on(InTenant.SEND.getName()).to(send).next(verify).next(accounting)
        .from(inTenant).on(InTenant.ACCOUNT.getName()).to(accounting)
        .end().build();
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

  /** One chunk at a time of as many batches as the tenant lets run at once. */
  @Bean
  public Step send(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      OutboxBatches outboxBatches, Send sendWriter, Progress batchProgress, CommitDurability durability) {
    return new StepBuilder(SEND, jobRepository)
        .<List<SendingBatch>, List<SendingBatch>>chunk(1)
        .transactionManager(transactionManager)
        .reader(outboxBatches)
        .writer(sendWriter)
        .listener(batchProgress)
        .listener(new DurableSending(durability))
        .build();
  }

  @Bean
  public Step verify(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      SentEntities sentEntities, Verify verifyWriter, Progress entityProgress,
      @Value("${qrelease.verify-chunk-size:5000}") int chunkSize) {
    return new StepBuilder(VERIFY, jobRepository)
        .<OutboxEntry, OutboxEntry>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(sentEntities)
        .writer(verifyWriter)
        .listener(entityProgress)
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
  public Apply apply(MailCopyStore copies, ActionStore actions, OutboxStore outbox,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + RunParameters.DRY_RUN + "']}") String dryRun,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.TENANT + "']}") String tenantFile) {
    ActionType type = ActionType.fromOption(action);
    if (Boolean.parseBoolean(dryRun)) {
      return Apply.preview(actions, actionId, type);
    }
    return Tenant.load(Path.of(tenantFile)).microsoft365().isPresent()
        ? Apply.queueing(actions, actionId, type, outbox)
        : Apply.carryingOut(actions, actionId, type, new StoreOnlyActions(copies));
  }

  /**
   * The Microsoft 365 connection of the tenant file, as it is at each step's start: a run resumed after
   * the block was taken out has an outbox that can go nowhere.
   */
  private static Microsoft365 connection(String tenantFile) {
    return Tenant.load(Path.of(tenantFile)).microsoft365().orElseThrow(() -> new IllegalStateException(
        tenantFile + " no longer connects to Microsoft 365, and this release's outbox waits to be sent there;"
            + " put its microsoft365 block back and run qrelease restart --last."));
  }

  /**
   * The tenant a release sends its outbox to, and asks where its entities are: made by each step's
   * writer itself rather than as a step-scoped bean, since concurrent remediations call it from
   * threads that have no step scope.
   */
  private static MailboxActions tenantMailbox(Microsoft365 tenant, Patience patience) {
    return new Microsoft365Actions(tenant, patience);
  }

  @Bean
  public Patience tenantPatience(@Value("${qrelease.tenant.attempts:6}") int attempts,
      @Value("${qrelease.tenant.first-wait:1s}") Duration firstWait,
      @Value("${qrelease.tenant.longest-wait:60s}") Duration longestWait,
      @Value("${qrelease.tenant.answer-timeout:180s}") Duration answerTimeout) {
    return new Patience(attempts, firstWait, longestWait, answerTimeout);
  }

  @Bean
  @StepScope
  public OutboxBatches outboxBatches(OutboxStore outbox,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.TENANT + "']}") String tenantFile) {
    ActionType type = ActionType.fromOption(action);
    Microsoft365 tenant = connection(tenantFile);
    return new OutboxBatches(outbox, actionId, type, batchSize(tenant, type),
        type == ActionType.MoveToInbox ? tenant.maxConcurrentRemediations() : 1);
  }

  private static int batchSize(Microsoft365 tenant, ActionType type) {
    return type == ActionType.MoveToInbox ? tenant.remediationBatch() : tenant.releaseBatch();
  }

  @Bean
  @StepScope
  public Send sendWriter(OutboxStore outbox, ActionStore actions, Patience patience,
      PlatformTransactionManager transactionManager,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.TENANT + "']}") String tenantFile) {
    ActionType type = ActionType.fromOption(action);
    TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    Microsoft365 tenant = connection(tenantFile);
    int batchSize = batchSize(tenant, type);
    long batches = (outbox.count(actionId) + batchSize - 1) / batchSize;
    ActionRecord recorded = actions.find(actionId).orElseThrow();
    return new Send(outbox, actions, tenantMailbox(tenant, patience), ownTransaction, actionId, type,
        recorded.name(), recorded.operator(), batches);
  }

  @Bean
  @StepScope
  public SentEntities sentEntities(OutboxStore outbox,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("${qrelease.verify-chunk-size:5000}") int chunkSize) {
    return new SentEntities(outbox, actionId, chunkSize);
  }

  @Bean
  @StepScope
  public Verify verifyWriter(Patience patience, ActionStore actions, OutboxStore outbox,
      MailCopyStore copies, @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + ReleaseParameters.ACTION + "']}") String action,
      @Value("#{jobParameters['" + ReleaseParameters.TENANT + "']}") String tenantFile,
      @Value("#{jobParameters['" + ReleaseParameters.OPERATOR + "']}") String operator,
      @Value("${qrelease.verify-poll:5s}") Duration pollEvery) {
    Microsoft365 tenant = connection(tenantFile);
    return new Verify(tenantMailbox(tenant, patience), actions, outbox, copies, actionId, operator,
        ActionType.fromOption(action), tenant.verifyTimeout(), pollEvery);
  }

  @Bean
  @StepScope
  public Accounting accountingTasklet(ActionStore actions, SelectionStore selections, OutboxStore outbox,
      @Value("#{jobExecutionContext['" + ActionLifecycle.ACTION_ID + "']}") String actionId,
      @Value("#{jobParameters['" + RunParameters.INPUT_ROWS + "']}") Long inputRows) {
    return new Accounting(actions, selections, outbox, actionId, inputRows);
  }
}
