package io.qrelease.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.QreleaseApplication;
import io.qrelease.jobs.RunParameters;
import io.qrelease.testing.BatchTestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The import job launched through Spring Batch's test support, without the command line. */
// The log file lives in the data dir, which is only known once logging has started: log nowhere.
@SpringBootTest(classes = QreleaseApplication.class, properties = "logging.file.name=")
@SpringBatchTest
// The context holds the database in the temporary folder open; closing it first lets the folder go.
@DirtiesContext
class ImportJobBatchTest {

  @TempDir
  static Path folder;

  @Autowired
  JobOperatorTestUtils jobs;

  @Autowired
  @Qualifier(ImportJobConfiguration.JOB_NAME)
  Job importJob;

  @Autowired
  JdbcTemplate jdbc;

  @DynamicPropertySource
  static void storeInTheTemporaryFolder(DynamicPropertyRegistry properties) {
    BatchTestStore.in(folder, properties);
  }

  /** The context has the release job too, so the test utilities cannot pick the job on their own. */
  @BeforeEach
  void operateTheImportJob() {
    jobs.setJob(importJob);
  }

  @Test
  void importJobCompletesAndStoresOneCopyPerMessageAndRecipient() throws Exception {
    // given
    Path export = Files.writeString(folder.resolve("events.csv"), """
        Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,DeliveryLocation,LatestDeliveryLocation
        2026-11-24T09:00:00Z,11111111-1111-1111-1111-111111111111,alice@contoso.com,team@partner.example,Quarantine,Quarantine
        2026-11-24T09:00:00Z,11111111-1111-1111-1111-111111111111,bob@contoso.com,team@partner.example,Junk folder,Junk folder
        2026-11-24T09:05:00Z,22222222-2222-2222-2222-222222222222,carol@contoso.com,hr@partner.example,Inbox/folder,Deleted items
        """);

    // when
    JobExecution execution = jobs.startJob(parametersFor(export));

    // then
    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(jdbc.queryForList("SELECT network_message_id || ' ' || recipient || ' ' || location FROM mail_copy"
        + " ORDER BY network_message_id, recipient", String.class))
        .containsExactly(
            "11111111-1111-1111-1111-111111111111 alice@contoso.com Quarantine",
            "11111111-1111-1111-1111-111111111111 bob@contoso.com JunkFolder",
            "22222222-2222-2222-2222-222222222222 carol@contoso.com DeletedFolder");
  }

  @Test
  void anImportThatReadsFewerRowsThanItsFileWasCountedToHaveFailsInItsAccountingStep() throws Exception {
    // given: a file of one row, which the store rejects, said to have two
    Path export = Files.writeString(folder.resolve("short.csv"), """
        Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,DeliveryLocation,LatestDeliveryLocation
        2026-11-24T09:00:00Z,not-a-message-id,erin@contoso.com,team@partner.example,Quarantine,Quarantine
        """);
    JobParameters parameters = new JobParametersBuilder(parametersFor(export))
        .addLong(RunParameters.INPUT_ROWS, 2L, false).toJobParameters();

    // when
    JobExecution execution = jobs.startJob(parameters);

    // then
    assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(execution.getStepExecutions()).extracting(step -> step.getStepName() + " " + step.getStatus())
        .containsExactly("importStep COMPLETED", "accounting FAILED");
    assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
        .contains("The import's accounting does not balance: the file has 2 rows but 1 were read");
  }

  /** As the import command passes them: the content identifies the run, the path does not. */
  private static JobParameters parametersFor(Path export) throws IOException {
    return new JobParametersBuilder()
        .addString(RunParameters.INPUT, export.toAbsolutePath().toString(), false)
        .addString(RunParameters.INPUT_SHA256, UUID.randomUUID().toString())
        .toJobParameters();
  }
}
