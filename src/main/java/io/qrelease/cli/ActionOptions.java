package io.qrelease.cli;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.Operator;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Source;
import io.qrelease.jobs.RunParameters;
import io.qrelease.jobs.release.ReleaseParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Option;

/** The options of an email action, whether over a selection file or one message. */
public class ActionOptions {

  /** The length of an action's name in the Action center. */
  private static final int MAX_NAME_LENGTH = 256;

  @Option(names = "--operator", required = true, paramLabel = "UPN",
      description = "Who takes the action; must be in the tenant file.")
  String operator;

  @Option(names = "--action", defaultValue = "move-to-inbox", paramLabel = "move-to-inbox|release",
      description = "release acts on quarantined copies only; move-to-inbox also on junk and deleted items"
          + " (default: ${DEFAULT-VALUE}).")
  String action;

  @Option(names = "--name", paramLabel = "TEXT", description = "A name for the action in the Action center.")
  String name;

  @Option(names = "--force", description = "Release again copies already marked released.")
  boolean force;

  @Option(names = "--dry-run", description = "Evaluate and audit every entity as a preview; change no copy.")
  boolean dryRun;

  @Option(names = "--summary-json", paramLabel = "OUT", description = "Also write the summary as JSON to this file.")
  Path summaryJson;

  /** The options a job file gives, as if typed on the command line. */
  static ActionOptions of(String operator, ActionType action, String name, boolean dryRun) {
    ActionOptions options = new ActionOptions();
    options.operator = operator;
    options.action = action.option();
    options.name = name;
    options.dryRun = dryRun;
    return options;
  }

  /**
   * Checks everything a person can get wrong before anything starts, and gives the parameters
   * that, with the selection's own, identify the action's run.
   */
  JobParametersBuilder parameters(StoreOptions store, Source source, ReleaseTarget target) {
    Operator actor = store.loadTenant().operator(operator).orElseThrow(() -> new Refusal(
        "Operator " + operator + " is not in " + store.tenant + "; add them there or use another --operator."));
    if (!actor.role().mayChangeCopies() && !dryRun) {
      throw new Refusal("Operator " + operator + " is a " + actor.role() + " and may only preview;"
          + " add --dry-run, or ask a SecurityOperator or SecurityAdministrator.");
    }
    ActionType type = Options.parse(() -> ActionType.fromOption(action));
    refuseUnrecordable(target);
    if (summaryJson != null) {
      refuseUnwritable(summaryJson);
    }
    JobParametersBuilder parameters = new JobParametersBuilder();
    if (dryRun) {
      parameters.addString(ReleaseParameters.PREVIEW_STARTED, Instant.now().toString());
    }
    return parameters
        .addString(ReleaseParameters.OPERATOR, actor.upn())
        .addString(ReleaseParameters.ACTION, type.option())
        .addString(ReleaseParameters.RELEASE_TO, target.option())
        .addString(ReleaseParameters.FORCE, Boolean.toString(force))
        .addString(RunParameters.DRY_RUN, Boolean.toString(dryRun))
        .addString(ReleaseParameters.NAME, name == null ? "" : name)
        .addString(ReleaseParameters.SOURCE, source.name())
        .addString(ReleaseParameters.TENANT, store.tenant.toAbsolutePath().toString(), false);
  }

  /**
   * Options the Action center and the run's record could not hold: found out by the database, they
   * would fail the run after it had started, and every attempt to resume it the same way.
   */
  private void refuseUnrecordable(ReleaseTarget target) {
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      throw new Refusal(String.format("--name is %,d characters long and the Action center keeps %d; shorten it.",
          name.length(), MAX_NAME_LENGTH));
    }
    if (name != null && name.chars().anyMatch(Character::isISOControl)) {
      throw new Refusal("--name holds a line break or another control character; give the name on one line.");
    }
    if (target.option().length() > RunParameters.MAX_LENGTH) {
      throw new Refusal(String.format("--release-to names addresses of %,d characters in all, more than the %,d a"
          + " run records; split them over several releases.", target.option().length(), RunParameters.MAX_LENGTH));
    }
  }

  /** Found out after the run, an unwritable summary would turn a completed release into a failed command. */
  private static void refuseUnwritable(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    boolean writable;
    try {
      Files.createDirectories(parent);
      writable = Files.exists(file) ? Files.isRegularFile(file) && Files.isWritable(file) : Files.isWritable(parent);
    } catch (IOException e) {
      writable = false;
    }
    if (!writable) {
      throw new Refusal("Cannot write the summary to " + file + "; pass --summary-json a file in a folder you can write to.");
    }
  }
}
