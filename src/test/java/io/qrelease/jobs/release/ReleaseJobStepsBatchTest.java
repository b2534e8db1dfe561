package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.QreleaseApplication;
import io.qrelease.domain.ActionStatus;
import io.qrelease.domain.RuleFilter;
import io.qrelease.jobs.RunParameters;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import io.qrelease.store.Columns;
import io.qrelease.store.SelectionStore;
import io.qrelease.store.StagedRow;
import io.qrelease.testing.BatchTestStore;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each step of the release job launched on its own through Spring Batch's test support, then the job whole. */
// The log file lives in the data dir, which is only known once logging has started: log nowhere.
@SpringBootTest(classes = QreleaseApplication.class, properties = "logging.file.name=")
@SpringBatchTest
// The context holds the database in the temporary folder open; closing it first lets the folder go.
@DirtiesContext
class ReleaseJobStepsBatchTest {

  private static final String M1 = "11111111-1111-1111-1111-111111111111";
  private static final String M2 = "22222222-2222-2222-2222-222222222222";
  private static final String ANALYST = "analyst@contoso.com";
  private static final AtomicLong INSTANCES = new AtomicLong(1_000);

  @TempDir
  static Path folder;

  @Autowired
  JobOperatorTestUtils jobs;

  @Autowired
  @Qualifier(ReleaseJobConfiguration.JOB_NAME)
  Job releaseJob;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  SelectionStore selections;

  @Autowired
  ActionStore actions;

  @DynamicPropertySource
  static void storeInTheTemporaryFolder(DynamicPropertyRegistry properties) {
    BatchTestStore.in(folder, properties);
  }

  /** Three quarantined copies of M1, one of M2; nothing released yet. */
  @BeforeEach
  void quarantine() throws IOException {
    jobs.setJob(releaseJob);
    Files.writeString(folder.resolve("tenant.yml"), Workbench.TENANT);
    jdbc.update("DELETE FROM mail_copy");
    for (String[] copy : new String[][] {{M1, "alice@contoso.com"}, {M1, "bob@contoso.com"},
        {M1, "carol@contoso.com"}, {M2, "dave@contoso.com"}}) {
      jdbc.update("INSERT INTO mail_copy (network_message_id, recipient, location, quarantine_type, expires_at,"
          + " release_status) VALUES (?, ?, 'Quarantine', 'Spam', ?, 'NotReleased')", copy[0], copy[1],
          Columns.micros(Instant.parse("2099-01-01T00:00:00Z")));
    }
  }

  @Test
  void theStageStepWritesOneRowPerMessageAndRecipientAtItsFirstLineWithItsRepeatsCounted() throws Exception {
    // given
    String actionId = openAction();
    Path selection = Files.writeString(folder.resolve("stage.csv"), """
        NetworkMessageId,RecipientEmailAddress
        %1$s,alice@contoso.com
        %1$s,
        %2$s,dave@contoso.com
        %1$s,ALICE@contoso.com
        %1$s,alice@contoso.com;bob@contoso.com
        """.formatted(M1, M2));

    // when
    StepExecution stage = jobs.startStep(ReleaseJobConfiguration.STAGE, fileRun(selection, false),
        actionContext(actionId))
        .getStepExecutions().iterator().next();

    // then
    assertThat(stage.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(stage.getReadCount()).isEqualTo(5);
    assertThat(staged(actionId)).containsExactly(
        new StagedRow(M1, "", 3, 0),
        new StagedRow(M1, "alice@contoso.com", 2, 2),
        new StagedRow(M1, "bob@contoso.com", 6, 0),
        new StagedRow(M2, "dave@contoso.com", 4, 0));
    assertThat(actions.find(actionId).orElseThrow().rowsRead()).isEqualTo(5);
  }

  @Test
  void theStageStepOfARuleStagesTheCopiesItSelectsInOneStatementNumberedInKeyOrder() throws Exception {
    // given: every copy received within the rule's window, which selects alice's and dave's
    String actionId = openAction();
    jdbc.update("UPDATE mail_copy SET received_at = ?", Columns.micros(Instant.parse("2026-11-30T12:00:00Z")));
    RuleFilter filter = new RuleFilter(List.of(), List.of(), List.of(), List.of(),
        List.of("dave@contoso.com", "alice@contoso.com"), List.of(), null);

    // when
    StepExecution stage = jobs.startStep(ReleaseJobConfiguration.STAGE, ruleRun(filter,
        Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")), actionContext(actionId))
        .getStepExecutions().iterator().next();

    // then
    assertThat(stage.getStatus()).as(stage.getFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(stage.getReadCount()).isEqualTo(2);
    assertThat(staged(actionId)).containsExactly(
        new StagedRow(M1, "alice@contoso.com", 1, 0),
        new StagedRow(M2, "dave@contoso.com", 2, 0));
    assertThat(actions.find(actionId).orElseThrow().rowsRead()).isEqualTo(2);
  }

  @Test
  void rowsThatLaterChunksStageAgainAreReadAsOneRowAtTheirFirstLineWithEveryRepeatCounted() {
    // given: alice of M1 staged by three chunks, the first of which had named her twice
    String actionId = openAction();
    selections.create(actionId);
    selections.stage(actionId, List.of(new StagedRow(M1, "alice@contoso.com", 2, 1), new StagedRow(M2, "", 3, 0)));
    selections.stage(actionId, List.of(new StagedRow(M1, "alice@contoso.com", 1_002, 0)));
    selections.stage(actionId, List.of(new StagedRow(M1, "bob@contoso.com", 2_001, 0),
        new StagedRow(M1, "alice@contoso.com", 2_002, 3)));

    // when
    List<StagedRow> read = SelectionStore.collapsed(selections.after(actionId, null, 100));

    // then: 2 + 1 + 4 lines named alice
    assertThat(read).containsExactly(
        new StagedRow(M1, "alice@contoso.com", 2, 6),
        new StagedRow(M1, "bob@contoso.com", 2_001, 0),
        new StagedRow(M2, "", 3, 0));
    assertThat(SelectionStore.collapsed(selections.of(actionId, M1))).containsExactlyElementsOf(read.subList(0, 2));
  }

  @Test
  void theDecideAndApplyStepDecidesEveryEntityOfAMessageOnceAndReleasesItsSuccesses() throws Exception {
    // given: M1 asked for whole and for alice twice over, M2's dave once
    String actionId = openAction();
    selections.create(actionId);
    selections.stage(actionId, List.of(new StagedRow(M1, "", 3, 0), new StagedRow(M1, "alice@contoso.com", 2, 1),
        new StagedRow(M2, "dave@contoso.com", 4, 0)));

    // when
    StepExecution decided = jobs.startStep(ReleaseJobConfiguration.DECIDE_AND_APPLY,
        fileRun(folder.resolve("unread.csv"), false), actionContext(actionId))
        .getStepExecutions().iterator().next();

    // then
    assertThat(decided.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(decided.getReadCount()).as("messages").isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT network_message_id || ' ' || recipient || ' ' || result || ' '"
        + " || line_number FROM action_audit WHERE action_id = ? ORDER BY line_number, recipient", String.class,
        actionId)).containsExactly(
            M1 + " alice@contoso.com Success 2",
            M1 + " bob@contoso.com Success 3",
            M1 + " carol@contoso.com Success 3",
            M2 + " dave@contoso.com Success 4");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_copy WHERE location = 'Inbox'"
        + " AND release_status = 'Released' AND released_by = ?", Long.class, ANALYST)).isEqualTo(4);
    ActionRecord action = actions.find(actionId).orElseThrow();
    // alice: asked for by two lines (one repeated) and again by the whole message
    assertThat(action.entities()).isEqualTo(6);
    assertThat(action.duplicateRows()).isEqualTo(2);
  }

  @Test
  void aPreviewsDecideAndApplyStepAuditsWithoutReleasing() throws Exception {
    // given
    String actionId = openAction();
    selections.create(actionId);
    selections.stage(actionId, List.of(new StagedRow(M2, "dave@contoso.com", 2, 0)));

    // when
    StepExecution decided = jobs.startStep(ReleaseJobConfiguration.DECIDE_AND_APPLY,
        fileRun(folder.resolve("unread.csv"), true), actionContext(actionId))
        .getStepExecutions().iterator().next();

    // then
    assertThat(decided.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(jdbc.queryForList("SELECT result FROM action_audit WHERE action_id = ?", String.class, actionId))
        .containsExactly("Success");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_copy WHERE location = 'Inbox'", Long.class)).isZero();
  }

  @Test
  void theAccountingStepFailsAnActionWhoseRowsAreNotAllAudited() throws Exception {
    // given: three rows read, giving three entities, none audited
    String actionId = openAction();
    actions.countRows(actionId, 3, 3, 0);

    // when
    StepExecution accounting = jobs.startStep(ReleaseJobConfiguration.ACCOUNTING,
        fileRun(folder.resolve("unread.csv"), false), actionContext(actionId))
        .getStepExecutions().iterator().next();

    // then
    assertThat(accounting.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(accounting.getFailureExceptions()).singleElement().extracting(Throwable::getMessage)
        .isEqualTo("The action's accounting does not balance: 3 entities were requested but 0 were audited and 0"
            + " collapsed as duplicates");
  }

  @Test
  void theAccountingStepOfABalancedActionCompletesAndRemovesItsStagedSelection() throws Exception {
    // given
    String actionId = openAction();
    String other = openAction();
    for (String action : List.of(actionId, other)) {
      selections.create(action);
      selections.stage(action, List.of(new StagedRow(M2, "dave@contoso.com", 2, 0)));
    }

    // when
    StepExecution accounting = jobs.startStep(ReleaseJobConfiguration.ACCOUNTING,
        fileRun(folder.resolve("unread.csv"), false), actionContext(actionId))
        .getStepExecutions().iterator().next();

    // then
    assertThat(accounting.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(staged(actionId)).isEmpty();
    assertThat(staged(other)).hasSize(1);
  }

  @Test
  void theReleaseJobRunsStageThenDecideAndApplyThenAccounting() throws Exception {
    // given
    Path selection = Files.writeString(folder.resolve("job.csv"), """
        NetworkMessageId,RecipientEmailAddress
        %1$s,alice@contoso.com
        %2$s,dave@contoso.com
        %1$s,bob@contoso.com
        """.formatted(M1, M2));

    // when
    JobExecution execution = jobs.startJob(fileRun(selection, false));

    // then
    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(execution.getStepExecutions().stream().map(StepExecution::getStepName))
        .containsExactly(ReleaseJobConfiguration.STAGE, ReleaseJobConfiguration.DECIDE_AND_APPLY,
            ReleaseJobConfiguration.ACCOUNTING);
    String actionId = actions.byJobInstance(execution.getJobInstance().getInstanceId()).orElseThrow().actionId();
    assertThat(actions.counts(actionId).total()).isEqualTo(3);
    assertThat(staged(actionId)).isEmpty();
  }

  private String openAction() {
    return actions.open(new ActionRecord(null, INSTANCES.incrementAndGet(), 1, null, "CsvImport", "move-to-inbox",
        ANALYST, "row", null, ActionStatus.InProgress.name(), Instant.now(), null, 0, 0, 0, null, false));
  }

  private JobParameters fileRun(Path selection, boolean dryRun) {
    return analystsRelease("CsvImport", dryRun)
        .addString(RunParameters.INPUT, selection.toAbsolutePath().toString(), false)
        .addString(RunParameters.INPUT_SHA256, UUID.randomUUID().toString())
        .toJobParameters();
  }

  private JobParameters ruleRun(RuleFilter filter, Instant windowStart, Instant windowEnd) {
    return analystsRelease("CustomDetection", false)
        .addString(ReleaseParameters.RULE, RuleParameter.of(filter))
        .addString(ReleaseParameters.WINDOW_START, windowStart.toString())
        .addString(ReleaseParameters.WINDOW_END, windowEnd.toString())
        .toJobParameters();
  }

  /** A move to the Inbox by the analyst, to each row's recipient, without --force. */
  private JobParametersBuilder analystsRelease(String source, boolean dryRun) {
    return new JobParametersBuilder()
        .addString(RunParameters.DRY_RUN, Boolean.toString(dryRun))
        .addString(ReleaseParameters.OPERATOR, ANALYST)
        .addString(ReleaseParameters.ACTION, "move-to-inbox")
        .addString(ReleaseParameters.RELEASE_TO, "row")
        .addString(ReleaseParameters.FORCE, "false")
        .addString(ReleaseParameters.SOURCE, source)
        .addString(ReleaseParameters.TENANT, folder.resolve("tenant.yml").toString(), false);
  }

  private static ExecutionContext actionContext(String actionId) {
    ExecutionContext context = new ExecutionContext();
    context.putString(ActionLifecycle.ACTION_ID, actionId);
    return context;
  }

  /** The action's staged rows in key order, as the decide step reads them; none once its table is dropped. */
  private List<StagedRow> staged(String actionId) {
    String table = "RELEASE_SELECTION_" + actionId.toUpperCase().replace('-', '_');
    if (jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?", Integer.class,
        table) == 0) {
      return List.of();
    }
    return SelectionStore.collapsed(selections.after(actionId, null, 100));
  }
}
