package io.qrelease.cli;

import static io.qrelease.report.TextTable.flexible;
import static io.qrelease.report.TextTable.text;

import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.report.Count;
import io.qrelease.report.JsonStream;
import io.qrelease.report.Listing;
import io.qrelease.report.Paragraph;
import io.qrelease.report.Terminal;
import io.qrelease.report.TextTable;
import io.qrelease.report.UtcTime;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.QuarantineEntry;
import io.qrelease.store.QuarantineFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "The quarantine page: copies in quarantine and copies released from it, newest received first, with who released each, to whom and when.")
class QuarantineCommand implements Callable<Integer> {

  static final Listing TABLE = Listing.of(
      TextTable.of(text("RECEIVED (UTC)", 16), flexible("RECIPIENT", 28), flexible("SENDER", 28), text("TYPE", 18)),
      TextTable.of(text("STATUS", 11), text("LOCATION", 10), text("NETWORK MESSAGE ID", 36), flexible("SUBJECT", 33))
          .indented(2));
  /** The release of a copy is a sentence under it, on as many lines as the terminal needs. */
  private static final String RELEASE_INDENT = "    ";

  @Mixin
  StoreOptions store;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "Only copies with this release status: NotReleased, Requested, Approved, Denied or Released.")
  String status;

  @Option(names = "--recipient", paramLabel = "ADDR", description = "Only copies sent to this address.")
  String recipient;

  @Option(names = "--sender", paramLabel = "ADDR", description = "Only copies from this address.")
  String sender;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Only copies quarantined as: Spam, Bulk, Phish, HighConfPhish, Malware, SPOMalware, TransportRule, FileTypeBlock or DataLossPrevention.")
  String type;

  @Option(names = "--released-by", paramLabel = "UPN", description = "Only copies this operator released.")
  String releasedBy;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "Show at most this many copies (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  /** How many copies beyond the page the footer counts at the most. */
  static final int MORE_COUNTED = 10_000;

  @Override
  public Integer call() {
    QuarantineFilter filter = new QuarantineFilter(Options.choice(ReleaseStatus.class, "--status", status), recipient,
        sender, Options.choice(QuarantineType.class, "--type", type), releasedBy);
    if (limit < 1) {
      throw new Refusal("--limit " + limit + " shows nothing; give it a positive number of copies.");
    }
    try (Workspace workspace = Workspace.openForReading(store.existingDatabase())) {
      MailCopyStore copies = workspace.bean(MailCopyStore.class);
      AtomicInteger shown = new AtomicInteger();
      if (json) {
        try (JsonStream out = JsonStream.to(store.out())) {
          out.generator().writeStartArray();
          copies.forEachInQuarantine(filter, limit, entry -> {
            out.generator().writePOJO(json(entry));
            shown.incrementAndGet();
          });
          out.generator().writeEndArray();
        }
      } else {
        int width = Terminal.width();
        Listing table = TABLE.fittedTo(width);
        copies.forEachInQuarantine(filter, limit, entry -> {
          if (shown.getAndIncrement() == 0) {
            table.header().forEach(store.out()::println);
          }
          print(table, width, entry);
        });
      }
      // Only a full page can have been cut, so only then is the rest counted, and only so far: HSQLDB
      // counts by reading every copy, 0.9 s for 387,000 where their first page takes 0.01 s.
      long more = shown.get() < limit ? 0
          : copies.countInQuarantine(filter, Math.addExact(limit, MORE_COUNTED)) - limit;
      if (more > 0) {
        // On stderr with --json, so that a script still reads one array from stdout.
        (json ? store.err() : store.out()).println(
            (more == MORE_COUNTED ? "at least " : "") + Count.of(more) + " more; use --limit or a filter.");
      } else if (shown.get() == 0 && !json) {
        store.out().println("No copies in quarantine match.");
      }
    }
    return 0;
  }

  private void print(Listing table, int width, QuarantineEntry entry) {
    MailCopy copy = entry.copy();
    table.rows(UtcTime.minute(copy.receivedAt()), copy.recipient(), copy.sender(), copy.quarantineType(),
        copy.releaseStatus(), copy.location(), copy.networkMessageId(), copy.subject()).forEach(store.out()::println);
    if (copy.releaseStatus() == ReleaseStatus.Released) {
      store.out().print(Paragraph.of(RELEASE_INDENT, released(entry), " ", width));
    }
  }

  /**
   * As the portal's "Released by" column says it; an export may have told only that a copy was
   * released. In phrases, so that a line break falls between them.
   */
  static List<String> released(QuarantineEntry entry) {
    return Stream.of("released" + (entry.releasedBy() == null ? "" : " by " + entry.releasedBy()),
        "to " + entry.copy().recipient(),
        entry.releasedAt() == null ? null : "on " + UtcTime.minute(entry.releasedAt()) + " UTC")
        .filter(Objects::nonNull).toList();
  }

  private static Map<String, Object> json(QuarantineEntry entry) {
    MailCopy copy = entry.copy();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("receivedAt", copy.receivedAt());
    json.put("networkMessageId", copy.networkMessageId());
    json.put("internetMessageId", copy.internetMessageId());
    json.put("recipient", copy.recipient());
    json.put("sender", copy.sender());
    json.put("subject", copy.subject());
    json.put("quarantineType", copy.quarantineType());
    json.put("policyType", copy.policyType());
    json.put("policyName", copy.policyName());
    json.put("expiresAt", copy.expiresAt());
    json.put("location", copy.location());
    json.put("releaseStatus", copy.releaseStatus());
    json.put("releasedBy", entry.releasedBy());
    json.put("releasedAt", entry.releasedAt());
    return json;
  }
}
