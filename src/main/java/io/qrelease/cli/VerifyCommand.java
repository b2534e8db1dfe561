package io.qrelease.cli;

import io.qrelease.app.Reverification;
import io.qrelease.jobs.ExitCode;
import io.qrelease.report.Count;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Asks the tenant again about the entities of an earlier action in Microsoft 365 that it had not"
        + " confirmed within verifyTimeout (Failed, NotVerified): each it confirms now is audited Success, and its copy"
        + " takes what the tenant says. Give the tenant file the action was run with.")
class VerifyCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "ACTION_ID", description = "The action, or the start of its id.")
  String actionId;

  @Override
  public Integer call() {
    try (Workspace workspace = Workspace.open(store.existingDatabase(), store.out())) {
      Reverification.Outcome outcome = workspace.bean(Reverification.class).verifyAgain(actionId, store.tenant);
      store.out().println(outcome.asked() == 0
          ? "Action " + outcome.actionId() + " has no entity that its tenant did not confirm; nothing to ask."
          : "Asked the tenant again about " + Count.of(outcome.asked()) + " entities of action " + outcome.actionId()
              + " it had not confirmed: " + Count.of(outcome.confirmed()) + " confirmed now and audited Success, "
              + Count.of(outcome.asked() - outcome.confirmed()) + " still not.");
    }
    return ExitCode.COMPLETED.code();
  }
}
