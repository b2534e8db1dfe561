package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.latestAction;
import static io.qrelease.cli.QuarantinedMail.row;
import static io.qrelease.cli.QuarantinedMail.selection;
import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.qrelease.report.UtcTime;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Action center on the command line: the history, filtered, as a table and as JSON, and the audit export. */
class ActionsCommandFunctionalTest {

  static final String EXPORT_HEADER = "ActionId,NetworkMessageId,RecipientEmailAddress,Result,Reason,Operator,ActedAt,LineNumber";

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void storeWithQuarantinedMail() {
    bench = QuarantinedMail.imported(folder);
  }

  @Test
  void actionsListsTheNewestFirstTwoLinesEachWithinTheTerminal() {
    // given: a name longer than its column
    String older = release("first.csv", row(INVOICE, "alice@contoso.com"));
    String newer = releaseWithALongName();

    // when
    CommandRun run = bench.run("actions");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2 + 2 * 2);
    assertThat(lines.get(0)).startsWith("ACTION").contains("STATUS", "SOURCE", "TYPE", "CREATED (UTC)");
    assertThat(lines.get(1)).startsWith("  NAME").contains("OPERATOR", "SUCCESS", "ALREADY", "SKIPPED", "FAILED");
    assertThat(lines.get(2)).startsWith(newer).contains("Completed", "ThreatExplorer", "move-to-inbox",
        UtcTime.minute(createdAt(newer)));
    assertThat(lines.get(3).split("\\s+")).containsExactly("", "Newsletter", "false", "positive…", ANALYST,
        "1", "0", "1", "0");
    assertThat(lines.get(4)).startsWith(older).contains("CsvImport");
    assertThat(lines.get(5).split("\\s+")).containsExactly("", ANALYST, "1", "0", "0", "0");
    Screen.assertFits(run);
  }

  @Test
  void onAnEightyColumnTerminalEachActionTakesThreeLinesWithItsIdWhole() {
    // given
    String older = release("first.csv", row(INVOICE, "alice@contoso.com"));
    String newer = releaseWithALongName();

    // when
    CommandRun run = Screen.at(Screen.NARROW, () -> bench.run("actions"));

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3 + 2 * 3);
    assertThat(lines.subList(0, 3)).containsExactly(
        "ACTION                                STATUS      SOURCE           TYPE",
        "  CREATED (UTC)       SUCCESS    ALREADY    SKIPPED     FAILED",
        "  NAME                                    OPERATOR");
    assertThat(lines.get(3)).isEqualTo(newer + "  Completed   ThreatExplorer   move-to-inbox");
    assertThat(lines.get(4)).isEqualTo("  " + UtcTime.minute(createdAt(newer))
        + "          1          0          1          0");
    assertThat(lines.get(5)).isEqualTo("  Newsletter false positives reported b…  " + ANALYST);
    assertThat(lines.get(6)).startsWith(older + "  Completed   CsvImport");
    assertThat(lines.get(8)).isEqualTo("  " + " ".repeat(38) + "  " + ANALYST);
    Screen.assertFits(run, Screen.NARROW);
  }

  @Test
  void sinceLeavesOutAnActionCreatedBeforeThatAge() {
    // given: an action from ten days ago and one from now
    String old = release("old.csv", row(INVOICE, "alice@contoso.com"));
    bench.execute("UPDATE email_action SET created_at = created_at - ? WHERE action_id = ?",
        Duration.ofDays(10).toNanos() / 1000, old);
    String recent = release("recent.csv", row(NEWSLETTER, "bob@contoso.com"));

    // when
    List<String> lastWeek = actionIds(bench.run("actions", "--since", "7d", "--json"));
    List<String> lastFortnight = actionIds(bench.run("actions", "--since", "14d", "--json"));
    List<String> lastHour = actionIds(bench.run("actions", "--since", "60m", "--json"));

    // then
    assertThat(lastWeek).containsExactly(recent);
    assertThat(lastFortnight).containsExactly(recent, old);
    assertThat(lastHour).containsExactly(recent);
  }

  @Test
  void statusListsOnlyTheActionsInThatStatusIgnoringCase() {
    // given: one completed action and one that failed on its only chunk
    String completed = release("completed.csv", row(INVOICE, "alice@contoso.com"));
    bench.execute("CREATE TRIGGER fail_every_audit BEFORE INSERT ON action_audit FOR EACH ROW"
        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated write failure'");
    CommandRun failing = bench.run("release", selection(bench, "failing.csv", row(NEWSLETTER, "bob@contoso.com")).toString(),
        "--operator", ANALYST);
    assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
    String failed = latestAction(bench);

    // when
    CommandRun failedOnes = bench.run("actions", "--status", "failed");

    // then
    assertThat(failedOnes.exitCode()).as(failedOnes.toString()).isZero();
    assertThat(failedOnes.out()).contains(failed).doesNotContain(completed);
    assertThat(actionIds(bench.run("actions", "--status", "Completed", "--json"))).containsExactly(completed);
    assertThat(bench.run("actions", "--status", "DryRun").out()).isEqualTo("No actions match; drop a filter to see more.\n");
  }

  @Test
  void sourceListsOnlyTheActionsTakenFromThatSource() {
    // given
    String fromFile = release("plain.csv", row(INVOICE, "alice@contoso.com"));
    CommandRun hunting = bench.run("release", selection(bench, "hunting.csv", row(NEWSLETTER, "bob@contoso.com")).toString(),
        "--operator", ANALYST, "--source", "AdvancedHunting");
    assertThat(hunting.exitCode()).as(hunting.toString()).isZero();
    String fromHunting = latestAction(bench);

    // when
    List<String> huntingOnly = actionIds(bench.run("actions", "--source", "advancedhunting", "--json"));

    // then
    assertThat(huntingOnly).containsExactly(fromHunting);
    assertThat(actionIds(bench.run("actions", "--source", "CsvImport", "--json"))).containsExactly(fromFile);
    assertThat(actionIds(bench.run("actions", "--source", "Api", "--json"))).isEmpty();
  }

  @Test
  void filtersThatNameNoKnownValueAreRefusedBeforeOpeningTheDatabase() {
    // given
    release("first.csv", row(INVOICE, "alice@contoso.com"));
    Map<String, List<Map<String, Object>>> before = bench.snapshot();

    // when
    CommandRun years = bench.run("actions", "--since", "2y");
    CommandRun status = bench.run("actions", "--status", "Done");
    CommandRun source = bench.run("actions", "--source", "Sentinel");

    // then
    Screen.assertRefused(years, status, source);
    assertThat(years.err()).contains("'2y'", "90m, 24h, 7d or 2w");
    assertThat(status.err()).contains("'Done'", "Queued, InProgress, Completed, Failed, Stopped, DryRun");
    assertThat(source.err()).contains("'Sentinel'", "AdvancedHunting");
    assertThat(bench.snapshot()).isEqualTo(before);
  }

  @Test
  void actionsJsonHasEveryActionWithItsRecordAndCounts() {
    // given
    String older = release("first.csv", row(INVOICE, "alice@contoso.com"));
    String newer = release("second.csv", row(NEWSLETTER, "bob@contoso.com"), row("not-a-guid", "bob@contoso.com"));

    // when
    CommandRun run = bench.run("actions", "--json");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode actions = JsonMapper.builder().build().readTree(run.out());
    assertThat(actions.isArray()).isTrue();
    assertThat(StreamSupport.stream(actions.spliterator(), false).map(action -> action.get("actionId").asString()))
        .containsExactly(newer, older);
    JsonNode latest = actions.get(0);
    assertThat(latest.propertyNames()).containsExactly("actionId", "name", "source", "actionType", "operator",
        "status", "createdAt", "finishedAt", "executionId", "exitCode", "results");
    Map<String, Object> record = bench.query("SELECT * FROM email_action WHERE action_id = ?", newer).get(0);
    assertThat(latest.get("source").asString()).isEqualTo(record.get("source")).isEqualTo("CsvImport");
    assertThat(latest.get("actionType").asString()).isEqualTo(record.get("action_type"));
    assertThat(latest.get("operator").asString()).isEqualTo(ANALYST);
    assertThat(latest.get("status").asString()).isEqualTo("Completed");
    assertThat(Instant.parse(latest.get("createdAt").asString())).isEqualTo(instant(record.get("created_at")));
    assertThat(Instant.parse(latest.get("finishedAt").asString())).isEqualTo(instant(record.get("finished_at")));
    assertThat(latest.get("executionId").asLong()).isEqualTo(record.get("job_execution_id"));
    assertThat(latest.get("exitCode").asInt()).isEqualTo(3);
    assertThat(latest.get("results").get("Success").asLong()).isEqualTo(1);
    assertThat(latest.get("results").get("Skipped").asLong()).isEqualTo(1);
  }

  @Test
  void anActionWithoutKeptCountsIsShownWithTheSameNumbersCountedFromItsAuditRows() {
    // given: two finished actions, the newer without kept counts, as a store from before they were kept has it
    String older = release("first.csv", row(INVOICE, "alice@contoso.com"));
    String newer = release("second.csv", row(NEWSLETTER, "bob@contoso.com"), row("not-a-guid", "bob@contoso.com"));
    List<String> withKeptCounts = everyViewOfTheCounts(newer, "second.csv");
    bench.execute("DELETE FROM action_count WHERE action_id = ?", newer);

    // when
    List<String> withoutKeptCounts = everyViewOfTheCounts(newer, "second.csv");

    // then
    assertThat(withoutKeptCounts).isEqualTo(withKeptCounts);
    assertThat(withoutKeptCounts.get(3))
        .contains("entities   2   Success 1   AlreadyInDestination 0   Skipped 1   Failed 0");
    assertThat(bench.count("SELECT COUNT(*) FROM action_count WHERE action_id = ?", older)).isEqualTo(1);
    assertThat(bench.count("SELECT COUNT(*) FROM action_count WHERE action_id = ?", newer)).isZero();
  }

  @Test
  void aStoreFromBeforeCountsWereKeptGainsTheirTableAndShowsItsActionsAsBefore() {
    // given: an action in a store that has no table of kept counts
    String action = release("first.csv", row(INVOICE, "alice@contoso.com"), row("not-a-guid", "bob@contoso.com"));
    List<String> before = everyViewOfTheCounts(action, "first.csv");
    bench.execute("DROP TABLE action_count");

    // when
    List<String> after = everyViewOfTheCounts(action, "first.csv");

    // then
    assertThat(after).isEqualTo(before);
    assertThat(bench.count("SELECT COUNT(*) FROM action_count")).isZero();
  }

  @Test
  void exportWritesOneSpreadsheetSafeRowPerAuditRow() throws IOException, CsvException {
    // given: malformed rows whose values a spreadsheet would run as formulas
    String action = release("formulas.csv", row(INVOICE, "alice@contoso.com"),
        row("\"=HYPERLINK(\"\"http://x\"\")\"", "alice@contoso.com"), row("+1", "bob@contoso.com"),
        row(INVOICE, "-2"), row(NEWSLETTER, "@SUM(A1)"));
    Path out = folder.resolve("audit.csv");

    // when
    CommandRun run = bench.run("actions", "export", action, "--out", out.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(out).get(0)).isEqualTo(EXPORT_HEADER);
    List<String[]> rows = csv(out);
    assertThat(rows).hasSize(1 + 5);
    assertThat(rows.stream().skip(1).map(cells -> String.join(" | ", List.of(cells).subList(0, 6)) + " | " + cells[7]))
        .containsExactly(
            action + " | " + INVOICE + " | alice@contoso.com | Success |  | " + ANALYST + " | 2",
            action + " | '=hyperlink(\"http://x\") | alice@contoso.com | Skipped | InvalidRow | " + ANALYST + " | 3",
            action + " | '+1 | bob@contoso.com | Skipped | InvalidRow | " + ANALYST + " | 4",
            action + " | " + INVOICE + " | '-2 | Skipped | InvalidRow | " + ANALYST + " | 5",
            action + " | " + NEWSLETTER + " | '@sum(a1) | Skipped | InvalidRow | " + ANALYST + " | 6");
    List<Instant> actedAt = bench.query("SELECT acted_at FROM action_audit ORDER BY line_number").stream()
        .map(audit -> instant(audit.get("acted_at"))).toList();
    assertThat(rows.stream().skip(1).map(cells -> cells[6])).allMatch(cell -> cell.endsWith("Z"))
        .map(Instant::parse).containsExactlyElementsOf(actedAt);
  }

  @Test
  void exportOfAnUnknownActionIsRefused() {
    CommandRun run = bench.run("actions", "export", "no-such-action", "--out", folder.resolve("audit.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no-such-action");
    assertThat(folder.resolve("audit.csv")).doesNotExist();
  }

  @Test
  void exportCreatesTheFolderItIsToWriteIn() {
    // given
    String actionId = release("selection.csv", row(INVOICE, "alice@contoso.com"));
    Path out = folder.resolve("reports/2026/november/audit.csv");

    // when
    CommandRun run = bench.run("actions", "export", actionId, "--out", out.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(out).content().startsWith("ActionId,NetworkMessageId").contains("alice@contoso.com");
  }

  @Test
  void exportToAFolderOrBelowAFileIsRefusedInOneLine() {
    // given
    String actionId = release("selection.csv", row(INVOICE, "alice@contoso.com"));
    Path file = bench.write("notes.txt", "a file, not a folder");

    // when
    CommandRun toFolder = bench.run("actions", "export", actionId, "--out", folder.toString());
    CommandRun belowFile = bench.run("actions", "export", actionId, "--out", file.resolve("audit.csv").toString());

    // then
    Screen.assertRefused(toFolder, belowFile);
    assertThat(toFolder.err()).contains("pass --out a file in a folder you can write to");
  }

  /** Releases a selection from Threat Explorer under a name longer than its column, and returns the action's id. */
  private String releaseWithALongName() {
    CommandRun named = bench.run("release", selection(bench, "second.csv", row(NEWSLETTER, "bob@contoso.com"),
        row("not-a-guid", "bob@contoso.com")).toString(), "--operator", ANALYST,
        "--name", "Newsletter false positives reported by the marketing team", "--source", "ThreatExplorer");
    assertThat(named.exitCode()).as(named.toString()).isEqualTo(3);
    return latestAction(bench);
  }

  /** Releases a selection as the analyst and returns the action's id. */
  private String release(String name, String... rows) {
    return QuarantinedMail.release(bench, ANALYST, name, rows);
  }

  /** What the Action center listing, its JSON, the action's page and its release summary print. */
  private List<String> everyViewOfTheCounts(String actionId, String selection) {
    List<CommandRun> runs = List.of(bench.run("actions"), bench.run("actions", "--json"),
        bench.run("actions", "show", actionId),
        bench.run("release", folder.resolve(selection).toString(), "--operator", ANALYST));
    runs.forEach(run -> assertThat(run.exitCode()).as(run.toString()).isIn(0, 3));
    return runs.stream().map(CommandRun::out).toList();
  }

  private Instant createdAt(String actionId) {
    return instant(bench.query("SELECT created_at FROM email_action WHERE action_id = ?", actionId).get(0).get("created_at"));
  }

  private static List<String> actionIds(CommandRun run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return StreamSupport.stream(JsonMapper.builder().build().readTree(run.out()).spliterator(), false)
        .map(action -> action.get("actionId").asString()).toList();
  }

  private static List<String[]> csv(Path file) throws IOException, CsvException {
    try (Reader in = Files.newBufferedReader(file); CSVReader reader = new CSVReader(in)) {
      return reader.readAll();
    }
  }

  private static Instant instant(Object stored) {
    return Workbench.storedInstant(stored);
  }
}
