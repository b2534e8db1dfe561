package io.qrelease.cli;

import io.qrelease.domain.Result;
import io.qrelease.report.SpreadsheetCsv;
import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import io.qrelease.store.ActionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "actions", mixinStandardHelpOptions = true,
    description = "The Action center: every bulk action, newest first.",
    subcommands = ActionsCommand.Export.class)
class ActionsCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (Workspace workspace = Workspace.open(store.database())) {
      ActionStore actions = workspace.bean(ActionStore.class);
      List<ActionRecord> records = actions.list();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ActionRecord action : records) {
          rows.add(jsonOf(action, actions.counts(action.actionId())));
        }
        System.out.println(ActionReport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
      } else {
        System.out.printf("%-36s  %-10s  %-15s  %-13s  %-28s  %8s  %8s  %8s%n", "ACTION", "STATUS", "SOURCE", "TYPE",
            "OPERATOR", "SUCCESS", "ALREADY", "SKIPPED");
        for (ActionRecord action : records) {
          ActionCounts counts = actions.counts(action.actionId());
          System.out.printf("%-36s  %-10s  %-15s  %-13s  %-28s  %8d  %8d  %8d%n", action.actionId(), action.status(),
              action.source(), action.actionType(), action.operator(), counts.count(Result.Success),
              counts.count(Result.AlreadyInDestination), counts.count(Result.Skipped));
        }
      }
    }
    return 0;
  }

  private static Map<String, Object> jsonOf(ActionRecord action, ActionCounts counts) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("actionId", action.actionId());
    json.put("name", action.name());
    json.put("source", action.source());
    json.put("actionType", action.actionType());
    json.put("operator", action.operator());
    json.put("status", action.status());
    json.put("createdAt", text(action.createdAt()));
    json.put("finishedAt", text(action.finishedAt()));
    json.put("executionId", action.jobExecutionId());
    json.put("exitCode", action.exitCode());
    Map<String, Long> results = new LinkedHashMap<>();
    for (Result result : Result.values()) {
      results.put(result.name(), counts.count(result));
    }
    json.put("results", results);
    return json;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
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
      try (Workspace workspace = Workspace.open(store.database())) {
        ActionStore actions = workspace.bean(ActionStore.class);
        if (actions.find(actionId).isEmpty()) {
          throw new Refusal("There is no action " + actionId + "; list them with 'actions'.");
        }
        try (SpreadsheetCsv csv = new SpreadsheetCsv(Files.newBufferedWriter(out))) {
          csv.row("ActionId", "NetworkMessageId", "RecipientEmailAddress", "Result", "Reason", "Operator", "ActedAt",
              "LineNumber");
          actions.forEachAudit(actionId, entry -> csv.row(actionId, entry.key().networkMessageId(),
              entry.key().recipient(), entry.verdict().result().name(),
              entry.verdict().reason() == null ? "" : entry.verdict().reason().name(), entry.operator(),
              entry.actedAt().toString(), Long.toString(entry.lineNumber())));
        }
        System.out.println("Wrote the audit rows of action " + actionId + " to " + out);
      }
      return 0;
    }
  }
}
