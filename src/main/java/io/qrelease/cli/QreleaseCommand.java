package io.qrelease.cli;

import io.qrelease.jobs.ExitCode;
import io.qrelease.report.Paragraph;
import io.qrelease.report.Terminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "qrelease", mixinStandardHelpOptions = true, version = "qrelease 0.1.0",
    description = "Releases false-positive email from quarantine in bulk, as restartable batch jobs. Without a command, runs the demo: imports the sample exports into the database and releases the sample hunting export as analyst@contoso.com.",
    subcommands = {ImportCommand.class, ReleaseCommand.class, ReleaseMessageCommand.class, RestartCommand.class,
        ActionsCommand.class, ExecutionsCommand.class, QuarantineCommand.class, GenerateCommand.class,
        RunCommand.class, ValidateCommand.class, CronCommand.class, BackupCommand.class, SimulateTenantCommand.class,
        VerifyCommand.class})
public class QreleaseCommand implements Callable<Integer> {

  static final Path SAMPLES = Path.of("samples");
  static final String DEMO_OPERATOR = "analyst@contoso.com";

  @Mixin
  StoreOptions store;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine line = spec.commandLine();
    // Each command the demo runs parses its options anew, which sets this command's back to their defaults.
    List<String> hints = List.of("The Action center lists it: " + store.command("actions"),
        "its audit rows: " + store.command("actions", "export", "ACTION_ID", "--out", "FILE"));
    PrintWriter out = store.out();
    String[] database = store.db == null ? new String[0] : new String[] {"--db", store.db};
    String[] tenant = {"--tenant", store.tenant.toString()};
    out.println("Importing the sample quarantine export and EmailEvents export:");
    int quarantine = line.execute(concat(new String[] {"import", SAMPLES.resolve("quarantine-export.csv").toString()}, database, tenant));
    int events = line.execute(concat(new String[] {"import", SAMPLES.resolve("email-events.csv").toString()}, database, tenant));
    if (quarantine == 1 || quarantine == 2 || events == 1 || events == 2) {
      return Math.max(quarantine, events);
    }
    out.println();
    out.println("Releasing the sample hunting export as " + DEMO_OPERATOR + ":");
    int release = line.execute(concat(new String[] {"release", SAMPLES.resolve("hunting-export.csv").toString(),
        "--operator", DEMO_OPERATOR, "--name", "Demo: false positives of the sample campaign"}, database, tenant));
    out.println();
    if (release != ExitCode.COMPLETED_WITH_PROBLEMS.code()) {
      return release;
    }
    // The sample export holds a malformed row on purpose, so that the demo shows InvalidRow: its release
    // completing with exit 3 is the demo running as designed, and a script that runs the demo sees success.
    out.print(Paragraph.words("", "The release exits 3 because the sample hunting export holds a malformed"
        + " row on purpose; the demo ran as designed.", Terminal.width()));
    out.print(Paragraph.of("", hints, "; ", Terminal.width()));
    return ExitCode.COMPLETED.code();
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
