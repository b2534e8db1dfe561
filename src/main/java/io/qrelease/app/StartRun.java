package io.qrelease.app;

import io.qrelease.jobs.RunOutcome;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.Runs;
import io.qrelease.jobs.release.OperatorMayAct;
import io.qrelease.jobs.release.ReleaseJobConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Service;

/**
 * Starts a run of a job, or resumes the unfinished run its parameters identify, for any front end:
 * refuses, before anything is written, an operator who may not act and an input changed under a
 * run that stopped part-way through it.
 */
@Service
public class StartRun {

  private final Runs runs;

  public StartRun(Runs runs) {
    this.runs = runs;
  }

  public RunOutcome startOrResume(Job job, JobParameters parameters) throws Exception {
    if (job.getName().equals(ReleaseJobConfiguration.JOB_NAME)) {
      authorize(parameters);
    }
    refuseChangedInput(job.getName(), parameters);
    return runs.startOrResume(job, parameters);
  }

  /** The job checks the same again as it starts, so that no door can forget it. */
  public static void authorize(JobParameters parameters) {
    try {
      new OperatorMayAct().validate(parameters);
    } catch (InvalidJobParametersException refused) {
      throw new Refused(refused.getMessage(), refused);
    }
  }

  public void refuseChangedInput(String jobName, JobParameters parameters) {
    String input = parameters.getString(RunParameters.INPUT);
    if (input != null && !Boolean.parseBoolean(parameters.getString(RunParameters.DRY_RUN))) {
      runs.unfinishedOverOtherContent(jobName, input, parameters.getString(RunParameters.INPUT_SHA256))
          .ifPresent(execution -> {
            throw new Refused(input + " has changed since execution " + execution + " stopped part-way through"
                + " it; put the original back and run again to resume, or release the changed file under"
                + " another name as a new action.");
          });
    }
  }
}
