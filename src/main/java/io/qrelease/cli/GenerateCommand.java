package io.qrelease.cli;

import io.qrelease.generate.SyntheticExports;
import io.qrelease.report.Count;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes deterministic synthetic exports of a campaign for tests and benchmarks: a quarantine"
        + " export and an EmailEvents export to import, and the hunting export to release. The same count and seed"
        + " always give the same files.")
class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--messages", required = true, paramLabel = "N", description = "How many messages (one copy each).")
  int messages;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the exports to.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ids", defaultValue = "random", paramLabel = "ORDER",
      description = "Message ids: random GUIDs as Defender gives them, or ascending as a benchmark that numbers its"
          + " messages has them (${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}).")
  SyntheticExports.MessageIds ids;

  @Option(names = "--overwrite", description = "Replace exports already in the folder.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    if (messages < 1) {
      throw new Refusal("--messages takes a positive number of messages.");
    }
    for (String name : List.of(SyntheticExports.QUARANTINE_EXPORT, SyntheticExports.EMAIL_EVENTS,
        SyntheticExports.HUNTING_EXPORT)) {
      if (!overwrite && Files.exists(out.resolve(name))) {
        throw new Refusal(out.resolve(name) + " already exists; pass another --out, or --overwrite to replace it.");
      }
    }
    SyntheticExports.write(out, messages, seed, ids);
    spec.commandLine().getOut().println("Wrote " + SyntheticExports.QUARANTINE_EXPORT + ", " + SyntheticExports.EMAIL_EVENTS + " and "
        + SyntheticExports.HUNTING_EXPORT + " for " + Count.of(messages) + " messages to " + out);
    return 0;
  }
}
