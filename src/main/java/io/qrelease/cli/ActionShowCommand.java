package io.qrelease.cli;

import static io.qrelease.report.TextTable.count;
import static io.qrelease.report.TextTable.flexible;
import static io.qrelease.report.TextTable.number;
import static io.qrelease.report.TextTable.text;

import io.qrelease.app.ActionDetail;
import io.qrelease.app.Actions;
import io.qrelease.app.EntityOutcome;
import io.qrelease.app.TenantDelivery;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.report.Count;
import io.qrelease.report.JsonStream;
import io.qrelease.report.Listing;
import io.qrelease.report.Paragraph;
import io.qrelease.report.Terminal;
import io.qrelease.report.TextTable;
import io.qrelease.report.TextTable.Column;
import io.qrelease.report.UtcTime;
import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;

@Command(name = "show", mixinStandardHelpOptions = true,
    description = "One action: all its fields, its counts per result and per reason, then its entities in input order.")
class ActionShowCommand implements Callable<Integer> {

  static final TextTable COUNTS = TextTable.of(text("RESULT", 20), count("ENTITIES", 10));
  static final TextTable REASONS = TextTable.of(text("REASON", 20), count("ENTITIES", 10));
  private static final Column LINE = number("LINE", 7);
  private static final Column MESSAGE = text("NETWORK MESSAGE ID", 36);
  private static final Column RECIPIENT = flexible("RECIPIENT", 23);
  /** A reason only ever explains a skip, so "Skipped/Expired" says both in one column. */
  private static final Column RESULT = text("RESULT", 28);
  /** Below 89 columns the result goes under the message id, so that the recipient keeps room to be read. */
  static final Listing ENTITIES = Listing.of(TextTable.of(LINE, MESSAGE, RECIPIENT, RESULT))
      .orNarrower(TextTable.of(LINE, MESSAGE, flexible("RECIPIENT", 33)), TextTable.of(RESULT).indented(9));

  @Mixin
  StoreOptions store;

  @Parameters(index = "0", paramLabel = "ACTION_ID")
  String actionId;

  @Option(names = "--result", paramLabel = "RESULT",
      description = "Only entities with this result: Success, AlreadyInDestination, Skipped or Failed.")
  String result;

  @Option(names = "--reason", paramLabel = "REASON",
      description = "Only entities skipped for this reason: InvalidRow, NotFound, NotOriginalRecipient, OutOfScope, Undeliverable, NotQuarantined, Expired, AdminOnly, TenantRejected, NotVerified or NoQuarantineIdentity.")
  String reason;

  @Option(names = "--json", description = "Print one JSON object, its entities as an array, instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Result onlyResult = Options.choice(Result.class, "--result", result);
    Reason onlyReason = Options.choice(Reason.class, "--reason", reason);
    try (Workspace workspace = Workspace.openForReading(store.existingDatabase())) {
      Actions actions = workspace.bean(Actions.class);
      ActionRecord action = actions.find(this.actionId);
      String actionId = action.actionId();
      ActionCounts counts = actions.counts(actionId);
      if (json) {
        try (JsonStream out = JsonStream.to(store.out())) {
          JsonGenerator generator = out.generator();
          generator.writeStartObject();
          out.writeProperties(ActionDetail.of(action, counts, actions.tenant(actionId)));
          generator.writeName("entities");
          generator.writeStartArray();
          actions.forEachEntity(actionId, onlyResult, onlyReason,
              entry -> generator.writePOJO(EntityOutcome.of(entry)));
          generator.writeEndArray();
          generator.writeEndObject();
        }
      } else {
        // Buffered, and flushed once: a line at a time to the terminal's stream was a write per entity.
        PrintWriter out = new PrintWriter(new BufferedWriter(store.out(), 1 << 16));
        int width = Terminal.width();
        printAction(out, action, counts, actions.tenant(actionId), width);
        out.println();
        Listing entities = ENTITIES.fittedTo(width);
        entities.header().forEach(out::println);
        AtomicLong shown = new AtomicLong();
        actions.forEachEntity(actionId, onlyResult, onlyReason, entry -> {
          Object result = entry.verdict().reason() == null ? entry.verdict().result()
              : entry.verdict().result() + "/" + entry.verdict().reason();
          entities.rows(entry.lineNumber(), entry.key().networkMessageId(), entry.key().recipient(), result)
              .forEach(out::println);
          shown.incrementAndGet();
        });
        out.println(Count.of(shown.get()) + " of " + Count.of(counts.total()) + " entities");
        out.flush();
      }
    }
    return 0;
  }

  private static void printAction(PrintWriter out, ActionRecord action, ActionCounts counts, TenantDelivery tenant,
      int width) {
    field(out, "action", action.actionId(), width);
    field(out, "name", action.name(), width);
    field(out, "status", action.status() + (action.exitCode() == null ? "" : " (exit " + action.exitCode() + ")"), width);
    field(out, "source", action.source(), width);
    field(out, "type", action.actionType(), width);
    field(out, "release to", action.releaseTo(), width);
    field(out, "operator", action.operator(), width);
    field(out, "input", action.inputFile(), width);
    field(out, "created", UtcTime.second(action.createdAt()) + " UTC", width);
    field(out, "finished", action.finishedAt() == null ? "not yet" : UtcTime.second(action.finishedAt()) + " UTC", width);
    field(out, "execution", action.jobExecutionId(), width);
    field(out, "rows", ActionReport.accounting(action, counts), width);
    if (tenant != null) {
      field(out, "tenant", ActionReport.tenant(tenant), width);
    }
    out.println();
    out.println(COUNTS.header());
    counts.results().forEach((name, count) -> out.println(COUNTS.row(name, count)));
    if (Arrays.stream(Reason.values()).anyMatch(reason -> counts.count(reason) > 0)) {
      out.println(REASONS.header());
      counts.reasons().forEach((name, count) -> {
        if (count > 0) {
          out.println(REASONS.row(name, count));
        }
      });
    }
  }

  /** A long value goes on under itself rather than be cut: this page is where an action's fields are read. */
  private static void field(PrintWriter out, String label, Object value, int width) {
    out.print(Paragraph.words(String.format("  %-10s  ", label), value == null ? "" : value.toString(), width));
  }
}
