package io.qrelease.cli;

import static io.qrelease.report.TextTable.number;
import static io.qrelease.report.TextTable.text;

import io.qrelease.report.JsonStream;
import io.qrelease.report.TextTable;
import io.qrelease.report.UtcTime;
import io.qrelease.store.ExecutionHistory;
import io.qrelease.store.ExecutionRecord;
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

  static final TextTable FIRST_LINE = TextTable.of(number("EXECUTION", 9), text("JOB", 7), text("STATUS", 9),
      number("READ", 9), number("WRITTEN", 9), text("STARTED (UTC)", 19), text("ENDED (UTC)", 19));
  static final TextTable SECOND_LINE = TextTable.of(text("ACTION", 36)).indented(2);
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
        try (JsonStream out = JsonStream.to(System.out)) {
          out.generator().writeStartArray();
          executions.forEach(execution -> out.generator().writePOJO(json(execution, store)));
          out.generator().writeEndArray();
        }
      } else if (executions.isEmpty()) {
        System.out.println("No executions yet; 'import FILE' runs the first.");
      } else {
        System.out.println(FIRST_LINE.header());
        System.out.println(SECOND_LINE.header());
        executions.forEach(this::print);
      }
    }
    return 0;
  }

  private void print(ExecutionRecord execution) {
    System.out.println(FIRST_LINE.row(execution.executionId(), execution.job(), execution.status(),
        execution.rowsRead(), execution.rowsWritten(), UtcTime.second(execution.startedAt()),
        UtcTime.second(execution.endedAt())));
    if (execution.actionId() != null) {
      System.out.println(SECOND_LINE.row(execution.actionId()));
    }
    if (execution.unfinished()) {
      System.out.println(RESUME_INDENT + (execution.resumedBy() == null ? "resume: " : "") + resume(execution, store));
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
