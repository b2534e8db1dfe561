package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a new user tries first: --help everywhere, and the demo that runs without arguments. */
class HelpAndDemoFunctionalTest {

  @TempDir
  Path folder;

  @ParameterizedTest(name = "qrelease {0} --help")
  @ValueSource(strings = {"", "import", "release", "actions", "actions show", "actions export", "executions",
      "quarantine"})
  void everyCommandPrintsItsUsage(String command) {
    // given
    String[] words = command.isEmpty() ? new String[0] : command.split(" ");
    String[] args = Arrays.copyOf(words, words.length + 1);
    args[words.length] = "--help";

    // when
    CommandRun run = CommandRun.of(args);

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Usage: " + String.join(" ", "qrelease", command).trim()).contains("--db", "--help");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest(name = "qrelease {0} --help")
  @MethodSource("everyCommand")
  void everyCommandsUsageFitsAnEightyColumnTerminal(String command) {
    // given
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");

    // when
    CommandRun run = Screen.at(Screen.NARROW, () -> CommandRun.of(args.toArray(String[]::new)));

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Screen.assertFits(run, Screen.NARROW);
  }

  /** Every command and subcommand, as typed after qrelease. */
  static Stream<String> everyCommand() {
    return commands("", new CommandLine(new QreleaseCommand()));
  }

  private static Stream<String> commands(String path, CommandLine command) {
    return Stream.concat(Stream.of(path), command.getSubcommands().entrySet().stream()
        .flatMap(sub -> commands((path + " " + sub.getKey()).trim(), sub.getValue())));
  }

  @Test
  void theDemoImportsTheSamplesReleasesTheSampleHuntingExportAndExitsZero() {
    // given: the Workbench's database and tenant, and samples/ from the project root Maven runs tests in
    Workbench bench = new Workbench(folder);

    // when
    CommandRun run = bench.run();

    // then: the release exits 3 because the sample hunting export has a malformed row, as designed
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Completed  (exit 3)");
    assertThat(run.out().replace("\n", " ")).contains("the demo ran as designed.");
    assertThat(run.err()).isEmpty();
    assertThat(bench.query("SELECT status, operator FROM email_action"))
        .containsExactly(Map.of("status", "Completed", "operator", "analyst@contoso.com"));
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE reason = 'InvalidRow'")).isEqualTo(1);
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE release_status = 'Released'")).isPositive();
  }

  @Test
  void theDemosHintsNameTheDatabaseAndTenantFileItWasGiven() {
    // given
    Workbench bench = new Workbench(folder);

    // when
    CommandRun run = Screen.at(200, () -> bench.run());

    // then
    String given = " --db " + bench.dbUrl() + " --tenant " + folder.resolve("tenant.yml");
    assertThat(run.out()).contains("The Action center lists it: ./run.sh actions" + given + ";",
        "its audit rows: ./run.sh actions export ACTION_ID --out FILE" + given + "\n");
  }
}
