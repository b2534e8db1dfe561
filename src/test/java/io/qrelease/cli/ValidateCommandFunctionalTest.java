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
        Arguments.of("an hour out of range", RULE.replace("0 6 * * *", "0 25 * * *"), 3,
            "schedule: the hour 25 in '0 25 * * *' is out of range; an hour is 0-23."),
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

  static Stream<Arguments> cronTypos() {
    return Stream.of(
        Arguments.of("30 25 * * MON-FRI", "the hour 25 in '30 25 * * MON-FRI' is out of range; an hour is 0-23."),
        Arguments.of("0,30,75 * * * *", "the minute 75 in '0,30,75 * * * *' is out of range; a minute is 0-59."),
        Arguments.of("0 6 0 * *", "the day of month 0 in '0 6 0 * *' is out of range; a day of month is 1-31."),
        Arguments.of("0 6 1 13 *", "the month 13 in '0 6 1 13 *' is out of range; a month is 1-12 or JAN-DEC."),
        Arguments.of("0 6 * * 8", "the day of week 8 in '0 6 * * 8' is out of range; a day of week is 0-7 (0 and 7"
            + " are Sunday) or SUN-SAT."),
        Arguments.of("0 6 * * MON-FRY", "the day of week 'FRY' in '0 6 * * MON-FRY' is not a name cron knows; a day"
            + " of week is 0-7 (0 and 7 are Sunday) or SUN-SAT."),
        Arguments.of("0 18-8 * * *", "the hour range '18-8' in '0 18-8 * * *' runs backwards; write the lower end"
            + " first: an hour is 0-23."),
        Arguments.of("*/0 * * * *", "the minute field '*/0' of '*/0 * * * *' steps by 0; give a step of 1 or more."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cronTypos")
  void aCronTypoIsReportedInTheUsersOwnFieldsNamingTheFieldAndItsRange(String schedule, String message) {
    // Spring's six-field expression, with its seconds, is nothing the user wrote.
    assertValidateReportsOneProblem(RULE.replace("0 6 * * *", schedule), 3, "schedule: " + message);
  }

  @Test
  void anUnclosedQuoteIsReportedAtTheLineWhereItOpens() {
    // Seven lines, the quote opening on the seventh: the parser stops on the eighth, which does not exist.
    assertValidateReportsOneProblem(RULE + "dryRun: true\ndescription: \"Northwind's invoices\n", 7,
        "a quote opened here is never closed; close it.");
  }

  static Stream<Arguments> yamlMistakes() {
    String indentation = "the indentation of this line does not match the lines above; line it up with the keys it"
        + " belongs with, using spaces.";
    return Stream.of(
        Arguments.of("a key indented under a plain value", RULE.replace("operator:", "  operator:"), 2, indentation),
        Arguments.of("a list entry indented less than its sibling",
            RULE + "  recipients:\n    - alice@contoso.com\n   - bob@contoso.com\n", 8, indentation),
        Arguments.of("a value holding ': '", RULE + "description: Note: invoices only\n", 6,
            "a value containing ': ' must be quoted; put the whole value in quotes."),
        Arguments.of("a key without its colon", RULE.replace("operator: analyst@contoso.com", "operator"), 2,
            "this line has no ':' after its key; write it as key: value, or indent it under the key it continues."),
        Arguments.of("an indentation by tab", RULE.replace("  senderDomains", "\tsenderDomains"), 5,
            "this line is indented with a tab; indent with spaces."),
        Arguments.of("an unquoted schedule starting with *", RULE.replace("\"0 6 * * *\"", "*/15 * * * *"), 3,
            "a value starting with * or & must be quoted, e.g. \"*/15 * * * *\" or [\"*\"]."),
        Arguments.of("a list never closed", RULE.replace("[northwindtraders.com]", "[northwindtraders.com"), 5,
            "the [ opened here is not closed by ] where it should be; close it, and separate its entries with commas."),
        Arguments.of("text after a quoted value", RULE.replace("\"0 6 * * *\"", "\"0 6 * * *\" daily"), 3,
            "text follows a quoted value; put the whole value in quotes."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yamlMistakes")
  void aYamlMistakeIsReportedInPlainWordsAtItsLine(String mistake, String content, int line, String message) {
    assertValidateReportsOneProblem(content, line, message);
  }

  /** validate prints exactly this problem of the job file, and nothing of the parser's. */
  private void assertValidateReportsOneProblem(String content, int line, String message) {
    // given
    Path job = bench.write("jobs/mistaken.yml", content);

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).containsExactly(job + ":" + line + ": " + message,
        "1 problem; fix the job file and validate it again.");
  }

  @Test
  void aTenantFileWithAYamlMistakeIsReportedInTheSameWordsAsAJobFile() {
    // given
    bench.write("tenant.yml", Workbench.TENANT.replace("    role: SecurityOperator", "   role: SecurityOperator"));
    Path job = bench.write("jobs/rule.yml", RULE);

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(run.toString()).containsExactly(folder.resolve("tenant.yml")
        + ":7: the indentation of this line does not match the lines above; line it up with the keys it belongs"
        + " with, using spaces.");
  }

  @Test
  void validateOfATenantFileSaysItIsOneAndChecksItAsATenantFile() {
    // given: a tenant file in the jobs folder, while the jobs read another one
    Path valid = bench.write("jobs/tenant.yml", Workbench.TENANT);
    Path broken = bench.write("jobs/operators.yml", Workbench.TENANT.replace("scope: [contoso.com", "scopes: [contoso.com"));

    // when
    CommandRun validRun = bench.run("validate", valid.toString());
    CommandRun brokenRun = bench.run("validate", broken.toString());
    CommandRun run = bench.run("run", valid.toString());

    // then
    assertThat(validRun.exitCode()).as(validRun.toString()).isZero();
    assertThat(validRun.out()).isEqualTo(valid + " is a tenant file, and valid: 3 operators; accepted domains"
        + " contoso.com.\n");
    assertThat(brokenRun.exitCode()).as(brokenRun.toString()).isEqualTo(2);
    assertThat(brokenRun.err().lines().toList()).as(brokenRun.toString()).containsExactly(
        broken + ": unknown key 'scopes' in operator analyst@contoso.com; the keys there are role, scope, upn.",
        broken + " is a tenant file, not a job file; fix it and validate it again.");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains(valid + ":1: this is a tenant file, not a job file;")
        .doesNotContain("unknown key");
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
        + job + " --db " + bench.dbUrl() + " --tenant " + folder.resolve("tenant.yml") + " lists them all)");
    assertThat(folder.resolve("db")).doesNotExist();
  }
}
