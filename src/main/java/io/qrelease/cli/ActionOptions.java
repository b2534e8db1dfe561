package io.qrelease.cli;

import io.qrelease.app.ReleaseRequest;
import io.qrelease.app.StartRun;
import io.qrelease.domain.ActionType;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Option;

/** The options of an email action, whether over a selection file or one message. */
public class ActionOptions {

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
    store.loadTenant(); // says what in the tenant file looks wrong before anything starts
    ActionType type = Options.parse(() -> ActionType.fromOption(action));
    ReleaseRequest request = new ReleaseRequest(store.tenant, operator, type, target, source, dryRun, force, name);
    JobParametersBuilder identity = request.identity();
    StartRun.authorize(identity.toJobParameters());
    if (summaryJson != null) {
      refuseUnwritable(summaryJson);
    }
    return identity;
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
