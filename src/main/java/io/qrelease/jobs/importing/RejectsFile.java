package io.qrelease.jobs.importing;

import io.qrelease.report.SpreadsheetCsv;
import io.qrelease.store.RejectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Writes the rows an import could not use, with their line numbers and why, when the run ends.
 * The file is named after the database and the import (its number and when it first started), so
 * that neither another database in the same folder nor a database made anew, whose imports are
 * numbered from 0 again, ever writes over it.
 */
public class RejectsFile implements JobExecutionListener {

  private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final RejectStore rejects;
  private final JobRepository jobRepository;
  private final Path folder;
  private final String storeName;

  public RejectsFile(RejectStore rejects, JobRepository jobRepository, Path folder, String storeName) {
    this.rejects = rejects;
    this.jobRepository = jobRepository;
    this.folder = folder;
    this.storeName = storeName;
  }

  public Path pathFor(JobInstance instance) {
    JobExecution first = jobRepository.getJobExecutions(instance).stream()
        .min(Comparator.comparingLong(JobExecution::getId)).orElseThrow();
    // Spring Batch keeps its times without a zone, in the zone of the JVM that ran the job.
    String started = STARTED.format(first.getCreateTime().atZone(ZoneId.systemDefault()));
    return folder.resolve(storeName + "-import-" + instance.getInstanceId() + "-" + started + ".csv");
  }

  @Override
  public void afterJob(JobExecution execution) {
    long jobInstanceId = execution.getJobInstance().getInstanceId();
    if (rejects.count(jobInstanceId) == 0) {
      return;
    }
    Path file = pathFor(execution.getJobInstance());
    try {
      Files.createDirectories(folder);
      try (SpreadsheetCsv out = new SpreadsheetCsv(Files.newBufferedWriter(file))) {
        out.row("LineNumber", "Reason");
        rejects.forEach(jobInstanceId, (reason, line) -> out.row(Long.toString(line), reason));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rejects file " + file, e);
    }
  }
}
