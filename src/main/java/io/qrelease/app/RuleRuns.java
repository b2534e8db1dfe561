package io.qrelease.app;

import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.release.CustomDetections;
import io.qrelease.jobs.release.ReleaseJobConfiguration;
import io.qrelease.jobs.release.ReleaseParameters;
import io.qrelease.jobs.release.RuleParameter;
import io.qrelease.schedule.JobDefinition;
import io.qrelease.schedule.RuleWindow;
import java.time.ZonedDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The run of a custom detection rule: which window of received times it covers, how many copies
 * it selects there, and the release that is that run.
 */
@Service
public class RuleRuns {

  private final CustomDetections detections;
  private final Runs runs;
  private final Job release;

  public RuleRuns(CustomDetections detections, Runs runs, @Qualifier(ReleaseJobConfiguration.JOB_NAME) Job release) {
    this.detections = detections;
    this.runs = runs;
    this.release = release;
  }

  /** A rule's run, before it starts. */
  public record Plan(RuleWindow window, long rows, JobParameters parameters) {
  }

  /**
   * The run of the rule's window that {@code at} falls in: the window starts where the last run's
   * ended, or a lookback before its end for a first run. A selection over the cap is refused before
   * anything changes, unless that run completed earlier and is only replayed.
   *
   * @param identity what identifies the release apart from its selection (see {@link ReleaseRequest})
   */
  public Plan plan(JobDefinition job, JobParametersBuilder identity, boolean dryRun, ZonedDateTime at, SizeCap cap) {
    String rule = RuleParameter.of(job.rule());
    ZonedDateTime end = RuleWindow.endFor(job.schedule(), at);
    RuleWindow window = RuleWindow.ending(end, job.schedule(), job.rule().receivedWithin(),
        detections.ranBefore(rule, dryRun, end.toInstant()));
    long rows = detections.count(job.rule(), job.action(), window.start(), window.end());
    JobParameters parameters = identity
        .addString(ReleaseParameters.RULE, rule)
        .addString(ReleaseParameters.WINDOW_START, window.start().toString())
        .addString(ReleaseParameters.WINDOW_END, window.end().toString())
        .addLong(RunParameters.INPUT_ROWS, rows, false)
        .toJobParameters();
    boolean replayed = runs.lastRun(release, parameters)
        .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED).isPresent();
    if (!replayed) {
      cap.refuseOver(rows, "The selection of rule " + job.name());
    }
    return new Plan(window, rows, parameters);
  }
}
