package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary of a release as the terminal shows it. */
class ActionReportTest {

  static final String ACTION_ID = "bae4eac0-e4b9-4e8c-af98-538a36c2b877";

  @Test
  void aSummaryOfMillionsInEveryResultAndReasonWrapsUnderEachValueWithinEightyColumns() {
    // given: millions of entities in every result and every reason
    EnumMap<Result, Long> results = new EnumMap<>(Result.class);
    results.put(Result.Success, 3_456_789L);
    results.put(Result.AlreadyInDestination, 1_234_567L);
    results.put(Result.Skipped, 8L * 1_111_111L);
    results.put(Result.Failed, 2_345_678L);
    EnumMap<Reason, Long> reasons = new EnumMap<>(Reason.class);
    for (Reason reason : Reason.values()) {
      reasons.put(reason, 1_111_111L);
    }
    ActionCounts counts = ActionCounts.of(results, reasons);
    ActionReport report = new ActionReport(action(counts.total() + 1_000_000, counts.total(), 1_000_000), counts, null,
        Duration.ofSeconds(400), counts.total() + 1_000_000, false);

    // when
    String text = report.text(80);

    // then
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    assertThat(text).contains("""
          entities   15,925,922   Success 3,456,789   AlreadyInDestination 1,234,567
                     Skipped 8,888,888   Failed 2,345,678
          skipped    InvalidRow 1,111,111, NotFound 1,111,111,
                     NotOriginalRecipient 1,111,111, OutOfScope 1,111,111,
                     Undeliverable 1,111,111, NotQuarantined 1,111,111,
                     Expired 1,111,111, AdminOnly 1,111,111
          failed     TenantRejected 1,111,111, NotVerified 1,111,111,
                     NoQuarantineIdentity 1,111,111
          rows       16,925,922 read, giving 15,925,922 entities = 15,925,922 audited +
                     1,000,000 collapsed as duplicates
          elapsed    400.0 s (42,315 rows/s)
        """);
  }

  @Test
  void aSummaryThatFitsKeepsEachValueOnItsLine() {
    // given
    EnumMap<Result, Long> results = new EnumMap<>(Result.class);
    results.put(Result.Success, 12L);
    results.put(Result.AlreadyInDestination, 2L);
    results.put(Result.Skipped, 7L);
    EnumMap<Reason, Long> reasons = new EnumMap<>(Reason.class);
    reasons.put(Reason.InvalidRow, 1L);
    reasons.put(Reason.AdminOnly, 6L);
    ActionCounts counts = ActionCounts.of(results, reasons);
    ActionReport report = new ActionReport(action(22, 22, 1), counts, null, Duration.ofMillis(200), 22, false);

    // when
    List<String> lines = report.text(80).lines().toList();

    // then
    assertThat(lines).containsExactly(
        "  action     " + ACTION_ID + "  Completed  (exit 3)",
        "  name       Demo: false positives of the sample campaign",
        "  source     AdvancedHunting   action move-to-inbox   release to row",
        "  operator   analyst@contoso.com",
        "  execution  2",
        "  entities   21   Success 12   AlreadyInDestination 2   Skipped 7   Failed 0",
        "  skipped    InvalidRow 1, AdminOnly 6",
        "  rows       22 read = 21 audited + 1 collapsed as duplicates",
        "  elapsed    0.2 s (110 rows/s)");
  }

  private static ActionRecord action(long rowsRead, long entities, long duplicates) {
    Instant created = Instant.parse("2026-11-26T18:18:31Z");
    return new ActionRecord(ACTION_ID, 2, 2, "Demo: false positives of the sample campaign", "AdvancedHunting",
        "move-to-inbox", "analyst@contoso.com", "row", "samples/hunting-export.csv", "Completed", created,
        created.plusSeconds(400), rowsRead, entities, duplicates, 3, false);
  }
}
