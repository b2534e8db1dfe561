package io.qrelease.cli;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Source;
import io.qrelease.jobs.release.ReleaseParameters;
import io.qrelease.store.MailCopyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release-message", mixinStandardHelpOptions = true,
    description = "The email entity page's take action: releases one message to all its recipients, or to"
        + " some of them, with the same rules and audit as a bulk release (source EmailEntity).")
class ReleaseMessageCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Mixin
  ActionOptions options;

  @Parameters(index = "0", paramLabel = "NETWORK_MESSAGE_ID", description = "The message's network message id.")
  String networkMessageId;

  @Option(names = "--release-to", defaultValue = "all", paramLabel = "all|ADDR,...",
      description = "Every recipient of the message (default), or these original recipients.")
  String releaseTo;

  @Override
  public Integer call() throws Exception {
    if (!EntityKey.isMessageId(networkMessageId)) {
      throw new Refusal("'" + networkMessageId + "' is not a network message id (a GUID); copy it from the"
          + " message's page or the quarantine export.");
    }
    ReleaseTarget target = Options.releaseTo(releaseTo);
    if (target instanceof ReleaseTarget.RowRecipient) {
      throw new Refusal("release-message has no input rows; use --release-to all or a list of addresses.");
    }
    var parameters = options.parameters(store, Source.EmailEntity, target)
        .addString(ReleaseParameters.MESSAGE, EntityKey.normalize(networkMessageId))
        .toJobParameters();
    return JobReports.runRelease(store, workspace -> {
      if (!workspace.bean(MailCopyStore.class).knows(parameters.getString(ReleaseParameters.MESSAGE))) {
        throw new Refusal("The store has no message " + networkMessageId + "; import the quarantine export or"
            + " EmailEvents export that holds it first, with " + store.command("import", "FILE") + ".");
      }
      return parameters;
    }, options.summaryJson);
  }
}
