package io.qrelease.jobs.importing;

import io.qrelease.report.SpreadsheetCsv;
import io.qrelease.store.RejectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Writes the rows an import could not use, with their line numbers and why, when the run ends. */
public class RejectsFile implements JobExecutionListener {

  private final RejectStore rejects;
  private final Path folder;

  public RejectsFile(RejectStore rejects, Path folder) {
    this.rejects = rejects;
    this.folder = folder;
  }

  public Path pathFor(long jobInstanceId) {
    return folder.resolve("import-" + jobInstanceId + ".csv");
  }

  @Override
  public void afterJob(JobExecution execution) {
    long jobInstanceId = execution.getJobInstance().getInstanceId();
    if (rejects.count(jobInstanceId) == 0) {
      return;
    }
    Path file = pathFor(jobInstanceId);
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
