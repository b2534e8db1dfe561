package io.qrelease.cli;

import static io.qrelease.report.TextTable.count;
import static io.qrelease.report.TextTable.flexible;
import static io.qrelease.report.TextTable.text;

import io.qrelease.app.ActionSummary;
import io.qrelease.app.Actions;
import io.qrelease.domain.ActionStatus;
import io.qrelease.domain.Result;
import io.qrelease.domain.Source;
import io.qrelease.domain.TimeSpan;
import io.qrelease.report.JsonStream;
import io.qrelease.report.Listing;
import io.qrelease.report.SpreadsheetCsv;
import io.qrelease.report.Terminal;
import io.qrelease.report.TextTable;
import io.qrelease.report.TextTable.Column;
import io.qrelease.report.UtcTime;
import io.qrelease.store.ActionFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "actions", mixinStandardHelpOptions = true,
    description = "The Action center: every bulk action, newest first, with its counts per result.",
    subcommands = {ActionShowCommand.class, ActionsCommand.Export.class})
class ActionsCommand implements Callable<Integer> {

  private static final Column ACTION = text("ACTION", 36);
  private static final Column STATUS = text("STATUS", 10);
  private static final Column SOURCE = text("SOURCE", 15);
  private static final Column TYPE = text("TYPE", 13);
  private static final Column CREATED = text("CREATED (UTC)", 16);
  private static final Column NAME = flexible("NAME", 26);
  private static final Column OPERATOR = flexible("OPERATOR", 26);
  /** Wide enough for 9,999,999 entities. */
  private static final Column SUCCESS = count("SUCCESS", 9);
  private static final Column ALREADY = count("ALREADY", 9);
  private static final Column SKIPPED = count("SKIPPED", 9);
  private static final Column FAILED = count("FAILED", 9);

  /**
   * Two lines per action keep the full id, which 'actions show' takes, within 100 columns; below
   * 98, where the id, status, source, type and creation time no longer fit one line, three, the
   * name and the operator sharing the third.
   */
  private static final Listing TABLE = Listing.of(
          TextTable.of(ACTION, STATUS, SOURCE, TYPE, CREATED),
          TextTable.of(NAME, OPERATOR, SUCCESS, ALREADY, SKIPPED, FAILED).indented(2))
      .orNarrower(
          TextTable.of(ACTION, STATUS, SOURCE, TYPE),
          TextTable.of(CREATED, SUCCESS, ALREADY, SKIPPED, FAILED).indented(2),
          TextTable.of(flexible("NAME", 38), flexible("OPERATOR", 38)).indented(2));

  @Mixin
  StoreOptions store;

  @Option(names = "--since", paramLabel = "AGE", description = "Only actions created within this long, e.g. 90m, 24h, 7d, 2w.")
  String since;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "Only actions in this status: Queued, InProgress, Completed, Failed, Stopped or DryRun.")
  String status;

  @Option(names = "--source", paramLabel = "SOURCE",
      description = "Only actions from this source: AdvancedHunting, ThreatExplorer, EmailEntity, CustomDetection, CsvImport or Api.")
  String source;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    Duration age = Options.value("--since", since, TimeSpan::parse);
    ActionFilter filter = new ActionFilter(age == null ? null : Instant.now().minus(age),
        Options.choice(ActionStatus.class, "--status", status), Options.choice(Source.class, "--source", source));
    try (Workspace workspace = Workspace.openForReading(store.existingDatabase())) {
      List<ActionSummary> actions = workspace.bean(Actions.class).list(filter);
      if (json) {
        try (JsonStream out = JsonStream.to(store.out())) {
          out.generator().writeStartArray();
          actions.forEach(out.generator()::writePOJO);
          out.generator().writeEndArray();
        }
      } else if (actions.isEmpty()) {
        store.out().println(since == null && status == null && source == null
            ? "No actions yet; 'release FILE --operator UPN' takes one."
            : "No actions match; drop a filter to see more.");
      } else {
        Listing table = TABLE.fittedTo(Terminal.width());
        table.header().forEach(store.out()::println);
        actions.forEach(action -> print(table, action));
      }
    }
    return 0;
  }

  private void print(Listing table, ActionSummary action) {
    table.rows(action.actionId(), action.status(), action.source(), action.actionType(),
        UtcTime.minute(action.createdAt()), action.name(), action.operator(), countOf(action, Result.Success),
        countOf(action, Result.AlreadyInDestination), countOf(action, Result.Skipped), countOf(action, Result.Failed))
        .forEach(store.out()::println);
  }

  private static long countOf(ActionSummary action, Result result) {
    return action.results().getOrDefault(result.name(), 0L);
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Writes an action's audit rows as CSV, safe to open in a spreadsheet.")
  static class Export implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ACTION_ID")
    String actionId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
      try (Workspace workspace = Workspace.openForReading(store.existingDatabase())) {
        Actions actions = workspace.bean(Actions.class);
        String actionId = actions.find(this.actionId).actionId();
        createFolder(out);
        try (SpreadsheetCsv csv = new SpreadsheetCsv(Files.newBufferedWriter(out))) {
          csv.row("ActionId", "NetworkMessageId", "RecipientEmailAddress", "Result", "Reason", "Operator", "ActedAt",
              "LineNumber");
          actions.forEachEntity(actionId, null, null, entry -> csv.row(actionId, entry.key().networkMessageId(),
              entry.key().recipient(), entry.verdict().result().name(),
              entry.verdict().reason() == null ? "" : entry.verdict().reason().name(), entry.operator(),
              entry.actedAt().toString(), Long.toString(entry.lineNumber())));
        }
        store.out().println("Wrote the audit rows of action " + actionId + " to " + out);
      }
      return 0;
    }

    private static void createFolder(Path file) {
      Path folder = file.toAbsolutePath().getParent();
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new Refusal("Cannot create the folder " + folder + " for the export (" + e.getMessage()
            + "); pass --out a file in a folder you can write to.", e);
      }
      if (Files.isDirectory(file) || !Files.isWritable(folder)) {
        throw new Refusal("Cannot write the export to " + file + "; pass --out a file in a folder you can write to.");
      }
    }
  }
}
