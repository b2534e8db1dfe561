package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A custom detection rule selects exactly the copies its filter names, once per window, within its cap. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionRuleFunctionalTest {

  static final Instant AS_OF = Instant.parse("2026-11-26T12:00:00Z");

  Workbench bench;

  @BeforeAll
  void storeWithCopiesOfSeveralSendersRecipientsAndLocations(@TempDir Path folder) {
    bench = storeWithCopies(folder);
  }

  static Workbench storeWithCopies(Path folder) {
    Workbench bench = new Workbench(folder);
    CommandRun quarantine = bench.run("import", bench.write("quarantine.csv", """
        Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires,ReceivedTime
        %s\\aaaaaaaa-0000-0000-0000-000000000001,alice@contoso.com,billing@northwindtraders.com,Your Invoice 7,Spam,NOTRELEASED,2099-01-01T00:00:00Z,%s
        %s\\aaaaaaaa-0000-0000-0000-000000000002,bob@contoso.com,news@adatum.com,Newsletter,Bulk,NOTRELEASED,2099-01-01T00:00:00Z,%s
        %s\\aaaaaaaa-0000-0000-0000-000000000003,carol@fabrikam.com,billing@northwindtraders.com,Remittance,Spam,NOTRELEASED,2099-01-01T00:00:00Z,%s
        %s\\aaaaaaaa-0000-0000-0000-000000000004,dave@contoso.com,ceo@mail.northwindtraders.com,Invoice overdue,Phish,NOTRELEASED,2099-01-01T00:00:00Z,%s
        %s\\aaaaaaaa-0000-0000-0000-000000000005,erin@contoso.com,billing@northwindtraders.com,Invoice of last quarter,Spam,NOTRELEASED,2099-01-01T00:00:00Z,%s
        """.formatted(id(1), ago("48h"), id(2), ago("72h"), id(3), ago("24h"), id(4), ago("96h"), id(5), ago("960h")))
        .toString());
    CommandRun events = bench.run("import", bench.write("events.csv", """
        Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,Subject,LatestDeliveryLocation
        %s,%s,frank@contoso.com,billing@northwindtraders.com,Invoice 8,Junk folder
        %s,%s,grace@contoso.com,billing@northwindtraders.com,Invoice 9,Inbox/folder
        """.formatted(ago("48h"), id(6), ago("48h"), id(7))).toString());
    assertThat(quarantine.exitCode()).as(quarantine.toString()).isZero();
    assertThat(events.exitCode()).as(events.toString()).isZero();
    return bench;
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("senderDomains: [northwindtraders.com]", List.of(1, 3, 6)),
        Arguments.of("senderAddresses: [NEWS@adatum.com]", List.of(2)),
        Arguments.of("quarantineTypes: [Spam]", List.of(1, 3)),
        Arguments.of("recipients: [fabrikam.com]", List.of(3)),
        Arguments.of("recipients: [bob@contoso.com, fabrikam.com]", List.of(2, 3)),
        Arguments.of("subjectContains: [INVOICE]", List.of(1, 4, 6)),
        Arguments.of("senderDomains: [northwindtraders.com]\n  locations: [Junk folder]", List.of(6)),
        Arguments.of("senderDomains: [northwindtraders.com]\n  receivedWithin: 36h", List.of(3)),
        Arguments.of("senderDomains: [northwindtraders.com]\n  quarantineTypes: [Spam]\n  subjectContains: remit",
            List.of(3)),
        Arguments.of("senderDomains: [nobody.example]", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void aRuleSelectsExactlyTheCopiesItsFilterNamesWithinItsWindowAndLocations(String filter, List<Integer> expected) {
    // given: a dry run, so that every rule sees the same store
    String name = "rule " + filter.hashCode();
    Path job = bench.write("jobs/" + Integer.toHexString(filter.hashCode()) + ".yml", """
        name: %s
        operator: secops-admin@contoso.com
        dryRun: true
        rule:
          %s
        """.formatted(name, filter));

    // when
    CommandRun run = bench.run("run", job.toString(), "--as-of", AS_OF.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.query("SELECT a.network_message_id FROM action_audit a JOIN email_action e"
        + " ON a.action_id = e.action_id WHERE e.name = ? ORDER BY a.network_message_id", name))
        .extracting(row -> row.get("network_message_id"))
        .containsExactlyElementsOf(expected.stream().map(DetectionRuleFunctionalTest::id).toList());
    assertThat(bench.query("SELECT source, status FROM email_action WHERE name = ?", name))
        .containsExactly(Map.of("source", "CustomDetection", "status", "DryRun"));
  }

  @Test
  void aScheduledRuleReleasesOncePerWindowLookingBackThirtyDaysFirstAndTwoPeriodsAfter(@TempDir Path folder) {
    // given: a store of its own, which the releases change
    Workbench store = storeWithCopies(folder);
    Path job = store.write("jobs/daily.yml", """
        name: Daily Northwind rule
        operator: secops-admin@contoso.com
        schedule: "0 6 * * *"
        rule:
          senderDomains: [northwindtraders.com]
        """);
    Instant nextDay = AS_OF.plus(Duration.ofDays(1));

    // when
    CommandRun first = store.run("run", job.toString(), "--as-of", AS_OF.toString());
    Map<String, List<Map<String, Object>>> afterFirst = store.snapshot();
    CommandRun again = store.run("run", job.toString(), "--as-of", AS_OF.plusSeconds(1800).toString());
    Map<String, List<Map<String, Object>>> afterAgain = store.snapshot();
    CommandRun later = store.run("run", job.toString(), "--as-of", nextDay.toString());

    // then
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("(30d, the first run of a daily or rarer rule)").contains("Success 3");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("completed earlier; nothing was changed");
    assertThat(afterAgain).isEqualTo(afterFirst);
    assertThat(later.exitCode()).as(later.toString()).isZero();
    assertThat(later.out()).contains("(2d, one period of 1d plus as much again)");
    assertThat(store.count("SELECT COUNT(*) FROM email_action WHERE name = 'Daily Northwind rule'")).isEqualTo(2);
  }

  @Test
  void aPreviewOfARuleRepeatedInOneWindowEvaluatesTheStoreAgain() {
    // given
    Path job = bench.write("jobs/daily-preview.yml", """
        name: Daily Northwind preview
        operator: secops-admin@contoso.com
        schedule: "0 6 * * *"
        dryRun: true
        rule:
          senderDomains: [northwindtraders.com]
        """);

    // when
    CommandRun first = bench.run("run", job.toString(), "--as-of", AS_OF.toString());
    CommandRun again = bench.run("run", job.toString(), "--as-of", AS_OF.plusSeconds(1800).toString());

    // then
    assertThat(first.out()).contains("All 3 would be released.");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).doesNotContain("completed earlier").contains("All 3 would be released.");
    assertThat(bench.count("SELECT COUNT(*) FROM email_action WHERE name = 'Daily Northwind preview'")).isEqualTo(2);
  }

  @Test
  void aSelectionLargerThanTheCapIsRefusedWithItsCountAndNothingChanges() {
    // given: a release from quarantine, which selects the two quarantined Northwind copies
    Path job = bench.write("jobs/capped.yml", """
        operator: secops-admin@contoso.com
        action: release
        maxRows: 1
        rule:
          senderDomains: [northwindtraders.com]
        """);
    Map<String, List<Map<String, Object>>> before = bench.snapshot();

    // when
    CommandRun run = bench.run("run", job.toString(), "--as-of", AS_OF.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("has 2 rows, more than the cap of 1 (maxRows in " + job + ")");
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  static String id(int message) {
    return "00000000-0000-0000-0000-%012d".formatted(message);
  }

  private static String ago(String span) {
    return AS_OF.minus(Duration.ofHours(Long.parseLong(span.replace("h", "")))).toString();
  }
}
