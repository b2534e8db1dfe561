package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** validate reports each mistake in a job file at its line, and run refuses such a file before anything starts. */
class ValidateCommandFunctionalTest {

  static final String RULE = """
      name: Northwind invoices
      operator: analyst@contoso.com
      schedule: "0 6 * * *"
      rule:
        senderDomains: [northwindtraders.com]
      """;

  @TempDir
  Path folder;
  Workbench bench;

  @BeforeEach
  void bench() {
    bench = new Workbench(folder);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("an unknown key", RULE.replace("schedule:", "shedule:"), 3,
            "unknown key 'shedule'; the keys of a job file are action, description, dryRun"),
        Arguments.of("a misspelt filter key", RULE.replace("senderDomains", "senderdomains"), 5,
            "unknown key 'senderdomains'; did you mean senderDomains?"),
        Arguments.of("a cron schedule with six fields", RULE.replace("0 6 * * *", "0 0 6 * * *"), 3,
            "is not a cron schedule; write five fields"),
        Arguments.of("an hour out of range", RULE.replace("0 6 * * *", "0 25 * * *"), 3, "not a valid cron schedule"),
        Arguments.of("an unknown operator", RULE.replace("analyst@", "intern@"), 2,
            "operator intern@contoso.com is not in the tenant file"),
        Arguments.of("a reader without dryRun", RULE.replace("analyst@", "auditor@"), 2,
            "is a SecurityReader and may only preview; add dryRun: true"),
        Arguments.of("an empty filter", RULE.replace("  senderDomains: [northwindtraders.com]\n", ""), 4,
            "the rule's filter is empty and would select every copy"),
        Arguments.of("a filter of locations only", RULE.replace("senderDomains: [northwindtraders.com]",
            "locations: [Quarantine]"), 5, "names no senders, recipients, subjects or quarantine types"),
        Arguments.of("both input and rule", RULE + "input: exports/*.csv\n", 1,
            "either input (files to release) or rule (a filter over the store), and this one has both"),
        Arguments.of("a malformed domain", RULE.replace("[northwindtraders.com]", "[\"*.northwind\"]"), 5,
            "'*.northwind' is not a domain such as contoso.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void validateReportsTheMistakeAtItsLineAndExitsTwo(String mistake, String content, int line, String message) {
    // given
    Path job = bench.write("jobs/mistaken.yml", content);

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains(job + ":" + line + ": ").contains(message)
        .contains("1 problem; fix the job file and validate it again.").doesNotContain("Exception");
  }

  @Test
  void validateListsEveryProblemInLineOrder() {
    // given
    Path job = bench.write("jobs/mistaken.yml", """
        operator: intern@contoso.com
        action: relase
        maxRows: lots
        rule:
          receivedWithin: a week
        """);

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).containsExactly(
        job + ":1: operator intern@contoso.com is not in the tenant file; add them there or name another operator.",
        job + ":2: action: Unknown action 'relase': use one of move-to-inbox, release.",
        job + ":3: maxRows: 'lots' is not a positive number of rows such as 50000, 50_000, 50,000, 50k or 1m;"
            + " correct the value.",
        job + ":5: receivedWithin: 'a week' is not a time span such as 90m, 24h, 7d or 2w; correct the value.",
        "4 problems; fix the job file and validate it again.");
  }

  @Test
  void aValidJobFileIsDescribedAndExitsZero() {
    // given
    Path job = bench.write("jobs/rule.yml", RULE);

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith(job + " is valid: a custom detection rule, scheduled 0 6 * * *, next at ")
        .contains("move-to-inbox as analyst@contoso.com, at most 200,000 rows.");
  }

  @Test
  void runRefusesAnInvalidJobFileWithItsFirstProblemBeforeAnythingStarts() {
    // given
    Path job = bench.write("jobs/mistaken.yml", RULE.replace("schedule:", "shedule:").replace("analyst@", "intern@"));

    // when
    CommandRun run = bench.run("run", job.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).containsExactly(job + ":2: operator intern@contoso.com"
        + " is not in the tenant file; add them there or name another operator. (and 1 more: ./run.sh validate "
        + job + " lists them all)");
    assertThat(folder.resolve("db")).doesNotExist();
  }
}
