package io.qrelease.cli;

import io.qrelease.app.ReleaseSummary;
import io.qrelease.app.TenantDelivery;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.report.Count;
import io.qrelease.report.JsonStream;
import io.qrelease.report.Paragraph;
import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The summary of one bulk action, as text for the terminal and as JSON for scripts. */
record ActionReport(ActionRecord action, ActionCounts counts, TenantDelivery tenant, Duration elapsed,
    long rowsThisRun, boolean completedEarlier) {

  private static final int BULK_IDS_SHOWN = 3;

  int exitCode() {
    return summary().exitCode();
  }

  ReleaseSummary summary() {
    return ReleaseSummary.of(action, counts, tenant, elapsed);
  }

  /** Every entity was unknown or malformed: the store was most likely never filled. */
  boolean knewNoMessage() {
    long notFound = counts.count(Reason.NotFound);
    return notFound > 0 && notFound + counts.count(Reason.InvalidRow) == counts.total();
  }

  /** The summary on lines of at most this many columns, a long value going on under itself. */
  String text(int width) {
    StringBuilder out = new StringBuilder();
    if (completedEarlier) {
      out.append("This release completed earlier; nothing was changed. Its summary:\n");
    }
    if (action.dryRun()) {
      out.append(Paragraph.words("", "Dry run: no copy was changed. " + preview(), width));
    }
    line(out, width, "action", action.actionId() + "  " + action.status() + "  (exit " + exitCode() + ")");
    if (action.name() != null && !action.name().isEmpty()) {
      line(out, width, "name", action.name());
    }
    line(out, width, "source",
        action.source() + "   action " + action.actionType() + "   release to " + action.releaseTo());
    line(out, width, "operator", action.operator());
    line(out, width, "execution", Long.toString(action.jobExecutionId()));
    List<String> entities = Stream.concat(Stream.of(Count.of(counts.total())), Arrays.stream(Result.values())
        .map(result -> result + " " + Count.of(counts.count(result)))).toList();
    out.append(Paragraph.of(lead("entities"), entities, "   ", width));
    for (boolean failures : new boolean[] {false, true}) {
      List<String> reasons = Arrays.stream(Reason.values())
          .filter(reason -> reason.failure() == failures && counts.count(reason) > 0)
          .map(reason -> reason + " " + Count.of(counts.count(reason))).toList();
      if (!reasons.isEmpty()) {
        out.append(Paragraph.of(lead(failures ? "failed" : "skipped"), reasons, ", ", width));
      }
    }
    line(out, width, "rows", accounting(action, counts));
    if (tenant != null) {
      line(out, width, "tenant", tenant(tenant));
    }
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    line(out, width, "elapsed", String.format(Locale.ROOT, "%.1f s (%s rows/s)", seconds,
        Count.of(Math.round(rowsThisRun / seconds))));
    return out.toString();
  }

  /** What the tenant was sent and confirmed, and the bulk ids of the first remediations. */
  static String tenant(TenantDelivery tenant) {
    String calls = Count.of(tenant.batches()) + (tenant.batches() == 1 ? " batch: " : " batches: ")
        + Count.of(tenant.sent()) + " sent, " + Count.of(tenant.verified()) + " verified, "
        + Count.of(tenant.failed()) + " failed";
    List<String> ids = tenant.bulkIds();
    if (ids.isEmpty()) {
      return calls;
    }
    String shown = String.join(", ", ids.subList(0, Math.min(ids.size(), BULK_IDS_SHOWN)));
    return calls + "; bulk ids " + shown + (ids.size() > BULK_IDS_SHOWN
        ? " and " + Count.of(ids.size() - BULK_IDS_SHOWN) + " more (actions show --json lists them all)" : "");
  }

  /** What the release would do, in words that fit every count, none and all included. */
  private String preview() {
    long wouldRelease = counts.count(Result.Success);
    long total = counts.total();
    if (total == 0) {
      return "The selection holds no entities, so nothing would be released.";
    }
    if (wouldRelease == 0) {
      return "None would be released, for the reasons below.";
    }
    if (wouldRelease == total) {
      return total == 1 ? "Its one entity would be released." : "All " + Count.of(total) + " would be released.";
    }
    return Count.of(wouldRelease) + (wouldRelease == 1 ? " copy" : " copies")
        + " would be released; the others would not, for the reasons below.";
  }

  /** Where every row and entity went, the sum the run is checked against. */
  static String accounting(ActionRecord action, ActionCounts counts) {
    String entities = Count.of(counts.total()) + " audited + " + Count.of(action.duplicateRows())
        + " collapsed as duplicates";
    return action.rowsRead() == action.entities()
        ? Count.of(action.rowsRead()) + " read = " + entities
        : Count.of(action.rowsRead()) + " read, giving " + Count.of(action.entities()) + " entities = " + entities;
  }

  private static void line(StringBuilder out, int width, String label, String value) {
    out.append(Paragraph.words(lead(label), value, width));
  }

  private static String lead(String label) {
    return String.format("  %-10s ", label);
  }

  void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    try (out; JsonStream json = JsonStream.to(out)) {
      json.generator().writePOJO(summary());
    }
    // A PrintWriter keeps a failed write to itself.
    if (out.checkError()) {
      throw new IOException("Could not write the summary to " + file + "; check the free space and try again.");
    }
  }
}
