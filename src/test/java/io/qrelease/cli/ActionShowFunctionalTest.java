package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.MALWARE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static io.qrelease.cli.QuarantinedMail.UNKNOWN;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One action in the Action center: its record, its counts and its entities, filtered by result and reason. */
class ActionShowFunctionalTest {

  static final String LONG_ADDRESS = "someone.with.a.rather.long.address@research.contoso.com";

  @TempDir
  Path folder;
  Workbench bench;
  String action;

  @BeforeEach
  void anActionWithEveryKindOfOutcome() {
    bench = QuarantinedMail.imported(folder);
    QuarantinedMail.release(bench, ANALYST, "earlier.csv", row(INVOICE, "alice@contoso.com"));
    action = QuarantinedMail.release(bench, ANALYST, "campaign.csv",
        row(NEWSLETTER, "bob@contoso.com"),
        row(MALWARE, "erin@contoso.com"),
        row(INVOICE, "alice@contoso.com"),
        row(UNKNOWN, LONG_ADDRESS),
        row("not-a-guid", "carol@contoso.com"));
  }

  @Test
  void showPrintsTheActionItsCountsAndItsEntitiesInLineOrderWithinTheTerminal() {
    // when
    CommandRun run = bench.run("actions", "show", action);

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(
        "  action      " + action + "\n",
        "  status      Completed (exit 3)\n",
        "  source      CsvImport\n",
        "  type        move-to-inbox\n",
        "  release to  row\n",
        "  operator    " + ANALYST + "\n",
        "  input       " + folder.resolve("campaign.csv").toAbsolutePath() + "\n",
        "  rows        5 read = 5 audited + 0 collapsed as duplicates\n");
    assertThat(run.out()).containsPattern("  created     \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n")
        .containsPattern("  finished    \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n");
    assertThat(run.out()).containsSubsequence(
        "RESULT                  ENTITIES\n",
        "Success                        1\n",
        "AlreadyInDestination           1\n",
        "Skipped                        3\n",
        "Failed                         0\n",
        "REASON                  ENTITIES\n",
        "InvalidRow                     1\n",
        "NotFound                       1\n",
        "AdminOnly                      1\n");
    assertThat(run.out()).doesNotContain("OutOfScope");
    assertThat(entities(run)).containsExactly(
        "2 " + NEWSLETTER + " bob@contoso.com Success",
        "3 " + MALWARE + " erin@contoso.com Skipped/AdminOnly",
        "4 " + INVOICE + " alice@contoso.com AlreadyInDestination",
        "5 " + UNKNOWN + " someone.with.a.rather.… Skipped/NotFound",
        "6 not-a-guid carol@contoso.com Skipped/InvalidRow");
    assertThat(run.out()).endsWith("5 of 5 entities\n");
    Screen.assertFits(run);
  }

  @Test
  void onAnEightyColumnTerminalEachEntitysResultGoesUnderItsMessageIdAndTheRecipientKeepsRoom() {
    // when
    CommandRun run = Screen.at(Screen.NARROW, () -> bench.run("actions", "show", action, "--result", "skipped"));

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    int header = lines.indexOf("   LINE  NETWORK MESSAGE ID                    RECIPIENT");
    assertThat(lines.subList(header, lines.size())).containsExactly(
        "   LINE  NETWORK MESSAGE ID                    RECIPIENT",
        "         RESULT",
        "      3  " + MALWARE + "  erin@contoso.com",
        "         Skipped/AdminOnly",
        "      5  " + UNKNOWN + "  someone.with.a.rather.long.addre…",
        "         Skipped/NotFound",
        "      6  not-a-guid                            carol@contoso.com",
        "         Skipped/InvalidRow",
        "3 of 5 entities");
    Screen.assertFits(run, Screen.NARROW);
  }

  @Test
  void resultShowsOnlyTheEntitiesWithThatResult() {
    // when
    CommandRun run = bench.run("actions", "show", action, "--result", "skipped");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(entities(run)).containsExactly(
        "3 " + MALWARE + " erin@contoso.com Skipped/AdminOnly",
        "5 " + UNKNOWN + " someone.with.a.rather.… Skipped/NotFound",
        "6 not-a-guid carol@contoso.com Skipped/InvalidRow");
    assertThat(run.out()).endsWith("3 of 5 entities\n");
  }

  @Test
  void reasonShowsOnlyTheEntitiesSkippedForThatReason() {
    // when
    CommandRun notFound = bench.run("actions", "show", action, "--reason", "NOTFOUND");
    CommandRun both = bench.run("actions", "show", action, "--result", "Skipped", "--reason", "AdminOnly");
    CommandRun contradictory = bench.run("actions", "show", action, "--result", "Success", "--reason", "AdminOnly");

    // then
    assertThat(entities(notFound)).containsExactly("5 " + UNKNOWN + " someone.with.a.rather.… Skipped/NotFound");
    assertThat(entities(both)).containsExactly("3 " + MALWARE + " erin@contoso.com Skipped/AdminOnly");
    assertThat(entities(contradictory)).isEmpty();
    assertThat(contradictory.out()).endsWith("0 of 5 entities\n");
  }

  @Test
  void jsonIsOneObjectWithTheActionItsCountsAndItsEntitiesAsAnArray() {
    // when
    CommandRun all = bench.run("actions", "show", action, "--json");
    CommandRun skipped = bench.run("actions", "show", action, "--json", "--result", "Skipped", "--reason", "InvalidRow");

    // then
    assertThat(all.exitCode()).as(all.toString()).isZero();
    JsonNode shown = JsonMapper.builder().build().readTree(all.out());
    assertThat(shown.propertyNames()).containsExactly("actionId", "name", "source", "actionType", "operator",
        "status", "createdAt", "finishedAt", "executionId", "exitCode", "results", "releaseTo", "inputFile",
        "rowsRead", "duplicatesCollapsed", "total", "reasons", "tenant", "entities");
    assertThat(shown.get("actionId").asString()).isEqualTo(action);
    assertThat(shown.get("createdAt").asString()).endsWith("Z");
    assertThat(shown.get("total").asLong()).isEqualTo(5);
    assertThat(shown.get("reasons").get("AdminOnly").asLong()).isEqualTo(1);
    List<JsonNode> entities = StreamSupport.stream(shown.get("entities").spliterator(), false).toList();
    assertThat(entities).extracting(entity -> entity.get("lineNumber").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(entities.get(1).propertyNames()).containsExactly("lineNumber", "networkMessageId", "recipient",
        "result", "reason", "operator", "actedAt", "detail", "batch");
    assertThat(entities.get(1).get("networkMessageId").asString()).isEqualTo(MALWARE);
    assertThat(entities.get(1).get("recipient").asString()).isEqualTo("erin@contoso.com");
    assertThat(entities.get(1).get("result").asString()).isEqualTo("Skipped");
    assertThat(entities.get(1).get("reason").asString()).isEqualTo("AdminOnly");
    assertThat(entities.get(0).get("reason").isNull()).isTrue();
    assertThat(entities.get(3).get("recipient").asString()).isEqualTo(LONG_ADDRESS);
    JsonNode invalid = JsonMapper.builder().build().readTree(skipped.out()).get("entities");
    assertThat(invalid).hasSize(1);
    assertThat(invalid.get(0).get("networkMessageId").asString()).isEqualTo("not-a-guid");
  }

  @Test
  void anUnknownActionIsRefused() {
    CommandRun run = bench.run("actions", "show", "no-such-action");

    Screen.assertRefused(run);
    assertThat(run.err()).isEqualTo("There is no action no-such-action; list them with 'actions'.\n");
  }

  @Test
  void aPrefixOfTheIdThatNoOtherActionSharesNamesTheAction() {
    // given: a prefix unique among the two actions, and one they share
    String earlier = bench.query("SELECT action_id FROM email_action WHERE action_id <> ?", action).get(0)
        .get("action_id").toString();
    int unique = 1;
    while (earlier.startsWith(action.substring(0, unique))) {
      unique++;
    }

    // when
    CommandRun full = bench.run("actions", "show", action);
    CommandRun prefix = bench.run("actions", "show", action.substring(0, Math.max(unique, 4)).toUpperCase());
    CommandRun shared = bench.run("actions", "show", "");

    // then
    assertThat(prefix.exitCode()).as(prefix.toString()).isZero();
    assertThat(prefix.out()).isEqualTo(full.out());
    Screen.assertRefused(shared);
  }

  @Test
  void aPrefixSharedBySeveralActionsIsRefusedAskingForMoreOfTheId() {
    // given: two actions whose ids start alike
    for (int i = 1; i <= 2; i++) {
      bench.execute("INSERT INTO email_action (action_id, job_instance_id, job_execution_id, source, action_type,"
          + " operator, release_to, status, created_at) VALUES (?, ?, ?, 'CsvImport', 'move-to-inbox', ?, 'row',"
          + " 'Completed', 0)", "feed0000-0000-4000-8000-00000000000" + i, 1000 + i, 1000 + i, ANALYST);
    }

    // when
    CommandRun shared = bench.run("actions", "show", "feed");
    CommandRun unique = bench.run("actions", "show", "feed0000-0000-4000-8000-000000000002");

    // then
    Screen.assertRefused(shared);
    assertThat(shared.err()).isEqualTo("Several actions have ids starting with feed; give more of the id.\n");
    assertThat(unique.exitCode()).as(unique.toString()).isZero();
  }

  @Test
  void aResultOrReasonThatDoesNotExistIsRefused() {
    // when
    CommandRun result = bench.run("actions", "show", action, "--result", "Released");
    CommandRun reason = bench.run("actions", "show", action, "--reason", "TooLate");

    // then
    Screen.assertRefused(result, reason);
    assertThat(result.err()).isEqualTo(
        "Unknown --result 'Released'; use one of Success, AlreadyInDestination, Skipped, Failed.\n");
    assertThat(reason.err()).startsWith("Unknown --reason 'TooLate'; use one of InvalidRow, NotFound,");
  }

  /** The entity lines, each as its cells separated by one space. */
  private static List<String> entities(CommandRun run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    int header = lines.indexOf(ActionShowCommand.ENTITIES.header().get(0));
    return lines.subList(header + 1, lines.size() - 1).stream().map(line -> line.trim().replaceAll("\\s+", " ")).toList();
  }
}
