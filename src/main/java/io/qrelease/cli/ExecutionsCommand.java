package io.qrelease.cli;

import static io.qrelease.report.TextTable.count;
import static io.qrelease.report.TextTable.number;
import static io.qrelease.report.TextTable.text;

import io.qrelease.jobs.ExecutionHistory;
import io.qrelease.jobs.ExecutionRecord;
import io.qrelease.report.JsonStream;
import io.qrelease.report.Listing;
import io.qrelease.report.Terminal;
import io.qrelease.report.TextTable;
import io.qrelease.report.TextTable.Column;
import io.qrelease.report.UtcTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "executions", mixinStandardHelpOptions = true,
    description = "The job executions, newest first: status, rows read and written, start and end, the action of a release, and how to resume one that failed or stopped.")
class ExecutionsCommand implements Callable<Integer> {

  private static final Column EXECUTION = number("EXECUTION", 9);
  private static final Column JOB = text("JOB", 7);
  private static final Column STATUS = text("STATUS", 9);
  private static final Column READ = count("READ", 9);
  private static final Column WRITTEN = count("WRITTEN", 9);
  private static final Column STARTED = text("STARTED (UTC)", 19);
  private static final Column ENDED = text("ENDED (UTC)", 19);
  private static final Column ACTION = text("ACTION", 36);

  /**
   * The action on a second line; below 93 columns, where the first line no longer fits, the times
   * share the action's line.
   */
  private static final Listing TABLE = Listing.of(
          TextTable.of(EXECUTION, JOB, STATUS, READ, WRITTEN, STARTED, ENDED),
          TextTable.of(ACTION).indented(2))
      .orNarrower(
          TextTable.of(EXECUTION, JOB, STATUS, READ, WRITTEN),
          TextTable.of(STARTED, ENDED, ACTION).indented(2));
  /** The command that resumes a run is printed whole on a line of its own: a command cut short does not run. */
  private static final String RESUME_INDENT = "  ";

  @Mixin
  StoreOptions store;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    try (Workspace workspace = Workspace.openForReading(store.existingDatabase())) {
      List<ExecutionRecord> executions = workspace.bean(ExecutionHistory.class).list();
      if (json) {
        try (JsonStream out = JsonStream.to(store.out())) {
          out.generator().writeStartArray();
          executions.forEach(execution -> out.generator().writePOJO(json(execution, store)));
          out.generator().writeEndArray();
        }
      } else if (executions.isEmpty()) {
        store.out().println("No executions yet; 'import FILE' runs the first.");
      } else {
        Listing table = TABLE.fittedTo(Terminal.width());
        table.header().forEach(store.out()::println);
        executions.forEach(execution -> print(table, execution));
      }
    }
    return 0;
  }

  private void print(Listing table, ExecutionRecord execution) {
    table.rows(execution.executionId(), execution.job(), execution.status(), execution.rowsRead(),
        execution.rowsWritten(), UtcTime.second(execution.startedAt()), UtcTime.second(execution.endedAt()),
        execution.actionId()).forEach(store.out()::println);
    if (execution.unfinished()) {
      store.out().println(RESUME_INDENT + (execution.resumedBy() == null ? "resume: " : "") + resume(execution, store));
    }
  }


  /**
   * A failed or stopped execution resumes with the restart command, unless a later execution
   * already carried its work on: restarting it then would be refused.
   */
  static String resume(ExecutionRecord execution, StoreOptions store) {
    if (!execution.unfinished()) {
      return null;
    }
    return execution.resumedBy() == null ? store.command("restart", Long.toString(execution.executionId()))
        : "resumed by execution " + execution.resumedBy();
  }

  private static Map<String, Object> json(ExecutionRecord execution, StoreOptions store) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("executionId", execution.executionId());
    json.put("job", execution.job());
    json.put("status", execution.status());
    json.put("rowsRead", execution.rowsRead());
    json.put("rowsWritten", execution.rowsWritten());
    json.put("startedAt", execution.startedAt());
    json.put("endedAt", execution.endedAt());
    json.put("actionId", execution.actionId());
    json.put("resumedBy", execution.resumedBy());
    json.put("resume", resume(execution, store));
    return json;
  }
}
