package io.qrelease.jobs.importing;

import io.qrelease.input.CsvInput;
import io.qrelease.input.ExportKind;
import io.qrelease.jobs.ExecutionHistory;
import io.qrelease.jobs.ExportReader;
import io.qrelease.jobs.Progress;
import io.qrelease.jobs.RunInputs;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.RunningExecution;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.RejectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

/** The import job: loads or updates the store from a quarantine export or an EmailEvents export. */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

  public static final String JOB_NAME = "import";

  @Bean(JOB_NAME)
  public Job importJob(JobRepository jobRepository, Step importStep, Step importAccountingStep,
      RejectsFile rejectsFile, RunningExecution runningExecution, RunInputs runInputs) {
    return new JobBuilder(JOB_NAME, jobRepository).listener(runInputs).listener(rejectsFile)
        .listener(runningExecution).start(importStep).next(importAccountingStep).build();
  }

  @Bean
  public Step importAccountingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      ImportAccounting importAccounting) {
    return new StepBuilder("accounting", jobRepository).tasklet(importAccounting, transactionManager).build();
  }

  @Bean
  @StepScope
  public ImportAccounting importAccounting(ExecutionHistory history,
      @Value("#{jobParameters['" + RunParameters.INPUT_ROWS + "']}") Long inputRows) {
    return new ImportAccounting(history, inputRows);
  }

  @Bean
  public Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
      ExportReader<ImportedRow> importReader, ImportWriter importWriter, Progress progress,
      @Value("${qrelease.chunk-size:1000}") int chunkSize) {
    return new StepBuilder("importStep", jobRepository)
        .<ImportedRow, ImportedRow>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(importReader)
        .writer(importWriter)
        .listener(progress)
        .build();
  }

  @Bean
  @StepScope
  public ExportReader<ImportedRow> importReader(@Value("#{jobParameters['" + RunParameters.INPUT + "']}") String input) {
    Path file = Path.of(input);
    return new ExportReader<>(file, new CopyMapping(kindOf(file)));
  }

  @Bean
  @StepScope
  public ImportWriter importWriter(MailCopyStore copies, RejectStore rejects,
      @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long jobInstanceId) {
    return new ImportWriter(copies, rejects, jobInstanceId);
  }

  @Bean
  public RejectsFile rejectsFile(RejectStore rejects, JobRepository jobRepository,
      @Value("${qrelease.data-dir:data}") Path dataDir, @Value("${qrelease.store-name:qrelease}") String storeName) {
    return new RejectsFile(rejects, jobRepository, dataDir.resolve("rejects"), storeName);
  }

  private static ExportKind kindOf(Path file) {
    try (CsvInput input = CsvInput.open(file)) {
      return ExportKind.of(input.header());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
