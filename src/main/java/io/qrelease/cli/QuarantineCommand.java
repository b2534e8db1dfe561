package io.qrelease.cli;

import static io.qrelease.report.TextTable.text;

import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.report.JsonStream;
import io.qrelease.report.TextTable;
import io.qrelease.report.UtcTime;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.QuarantineEntry;
import io.qrelease.store.QuarantineFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "The quarantine page: copies in quarantine and copies released from it, newest received first, with who released each, to whom and when.")
class QuarantineCommand implements Callable<Integer> {

  static final TextTable FIRST_LINE = TextTable.of(text("RECEIVED (UTC)", 16), text("RECIPIENT", 28),
      text("SENDER", 28), text("TYPE", 18));
  static final TextTable SECOND_LINE = TextTable.of(text("STATUS", 11), text("LOCATION", 10),
      text("NETWORK MESSAGE ID", 36), text("SUBJECT", 33)).indented(2);
  static final TextTable RELEASE_LINE = TextTable.of(text("", 96)).indented(4);

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
  static final int MORE_COUNTED = 1_000;

  @Override
  public Integer call() {
    QuarantineFilter filter = new QuarantineFilter(Options.choice(ReleaseStatus.class, "--status", status), recipient,
        sender, Options.choice(QuarantineType.class, "--type", type), releasedBy);
    if (limit < 1) {
      throw new Refusal("--limit " + limit + " shows nothing; give it a positive number of copies.");
    }
    try (Workspace workspace = Workspace.open(store.database())) {
      MailCopyStore copies = workspace.bean(MailCopyStore.class);
      AtomicInteger shown = new AtomicInteger();
      if (json) {
        try (JsonStream out = JsonStream.to(System.out)) {
          out.generator().writeStartArray();
          copies.forEachInQuarantine(filter, limit, entry -> {
            out.generator().writePOJO(json(entry));
            shown.incrementAndGet();
          });
          out.generator().writeEndArray();
        }
      } else {
        copies.forEachInQuarantine(filter, limit, entry -> {
          if (shown.getAndIncrement() == 0) {
            System.out.println(FIRST_LINE.header());
            System.out.println(SECOND_LINE.header());
          }
          print(entry);
        });
      }
      // Only a full page can have been cut, so only then is the rest counted, and only so far: HSQLDB
      // counts by reading every copy, 0.9 s for 387,000 where their first page takes 0.01 s.
      long more = shown.get() < limit ? 0
          : copies.countInQuarantine(filter, Math.addExact(limit, MORE_COUNTED)) - limit;
      if (more > 0) {
        // On stderr with --json, so that a script still reads one array from stdout.
        (json ? System.err : System.out).println(
            (more == MORE_COUNTED ? "at least " : "") + more + " more; use --limit or a filter.");
      } else if (shown.get() == 0 && !json) {
        System.out.println("No copies in quarantine match.");
      }
    }
    return 0;
  }

  private static void print(QuarantineEntry entry) {
    MailCopy copy = entry.copy();
    System.out.println(FIRST_LINE.row(UtcTime.minute(copy.receivedAt()), copy.recipient(), copy.sender(),
        copy.quarantineType()));
    System.out.println(SECOND_LINE.row(copy.releaseStatus(), copy.location(), copy.networkMessageId(), copy.subject()));
    if (copy.releaseStatus() == ReleaseStatus.Released) {
      System.out.println(RELEASE_LINE.row(released(entry)));
    }
  }

  /** As the portal's "Released by" column says it; an export may have told only that a copy was released. */
  static String released(QuarantineEntry entry) {
    return "released" + (entry.releasedBy() == null ? "" : " by " + entry.releasedBy())
        + " to " + entry.copy().recipient()
        + (entry.releasedAt() == null ? "" : " on " + UtcTime.minute(entry.releasedAt()) + " UTC");
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
