package io.qrelease.app;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Source;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.release.ReleaseParameters;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What a release asks for, whichever door it came through: who acts under which tenant file, the
 * action, its target and source, and whether it is a preview. With its selection's own parameters
 * it identifies the action's run: asking again resumes or replays that run.
 *
 * @param name the Action center's name for the action, or null
 */
public record ReleaseRequest(Path tenantFile, String operator, ActionType action, ReleaseTarget target,
    Source source, boolean dryRun, boolean force, String name) {

  /** The Action center keeps names of this many characters at most. */
  public static final int MAX_NAME_LENGTH = 256;

  /**
   * Refuses what the Action center and the run's record could not hold: found out by the database,
   * it would fail the run after it had started, and every attempt to resume it the same way.
   */
  public ReleaseRequest {
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      throw new Refused(String.format("--name is %,d characters long and the Action center keeps %d; shorten it.",
          name.length(), MAX_NAME_LENGTH));
    }
    if (name != null && name.chars().anyMatch(Character::isISOControl)) {
      throw new Refused("--name holds a line break or another control character; give the name on one line.");
    }
    if (target.option().length() > RunParameters.MAX_LENGTH) {
      throw new Refused(String.format("--release-to names addresses of %,d characters in all, more than the %,d a"
          + " run records; split them over several releases.", target.option().length(), RunParameters.MAX_LENGTH));
    }
  }

  /** The parameters that, with the selection's own, identify the run; a preview is a run of its own each time. */
  public JobParametersBuilder identity() {
    JobParametersBuilder parameters = new JobParametersBuilder();
    if (dryRun) {
      parameters.addString(ReleaseParameters.PREVIEW_STARTED, Instant.now().toString());
    }
    return parameters
        .addString(ReleaseParameters.OPERATOR, operator)
        .addString(ReleaseParameters.ACTION, action.option())
        .addString(ReleaseParameters.RELEASE_TO, target.option())
        .addString(ReleaseParameters.FORCE, Boolean.toString(force))
        .addString(RunParameters.DRY_RUN, Boolean.toString(dryRun))
        .addString(ReleaseParameters.NAME, name == null ? "" : name)
        .addString(ReleaseParameters.SOURCE, source.name())
        .addString(ReleaseParameters.TENANT, tenantFile.toAbsolutePath().toString(), false);
  }
}
