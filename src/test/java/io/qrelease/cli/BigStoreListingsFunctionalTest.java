package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.report.UtcTime;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listings of a store of 455,000 copies, with an action of 200,000 entities, each within two
 * seconds in-process (a command from the jar adds the JVM's start), the action's entities within two
 * seconds beyond the command's own start: they read the rows they show along an index instead of
 * sorting the store first.
 */
class BigStoreListingsFunctionalTest {

  static final int COPIES = 455_000;
  static final int ENTITIES = 200_000;
  static final String ACTION = "5f0c1a52-3b8e-4d7a-9a61-2f3e4d5c6b7a";
  static final Duration WITHIN = Duration.ofSeconds(2);
  static final Instant CAMPAIGN_START = Instant.parse("2026-11-01T00:00:00Z");
  static final long RELEASED_AT = micros(CAMPAIGN_START.plus(30, ChronoUnit.DAYS));

  @TempDir
  static Path folder;
  static Workbench bench;

  /**
   * Inserted by plain JDBC, many times faster than importing: 85 % of the copies quarantined, the
   * others in folders; the action, a release, has the first 200,000 copies as its entities, one per
   * line, and released the quarantined ones among them.
   */
  @BeforeAll
  static void aStoreOf455000CopiesAndAnActionOf200000Entities() throws SQLException {
    bench = new Workbench(folder);
    bench.createEmptyStore();
    SplittableRandom random = new SplittableRandom(7);
    String[] types = {"Spam", "Spam", "Spam", "Bulk", "Bulk", "Phish", "Phish", "Malware", "HighConfPhish"};
    String[] folders = {"Inbox", "JunkFolder", "DeletedFolder", "Failed"};
    Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    try (Connection connection = DriverManager.getConnection(bench.dbUrl() + ";shutdown=true", "SA", "");
         PreparedStatement copy = connection.prepareStatement("INSERT INTO mail_copy (network_message_id, recipient,"
             + " internet_message_id, sender, subject, received_at, location, quarantine_type, policy_type,"
             + " policy_name, expires_at, release_status, released_by, released_at)"
             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
         PreparedStatement audit = connection.prepareStatement("INSERT INTO action_audit (action_id,"
             + " network_message_id, recipient, result, reason, operator, acted_at, line_number)"
             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < COPIES; i++) {
        String message = new UUID(random.nextLong(), random.nextLong()).toString();
        String recipient = "user" + random.nextInt(5_000) + "@contoso.com";
        boolean quarantined = random.nextInt(100) < 85;
        String location = quarantined ? "Quarantine" : folders[random.nextInt(folders.length)];
        boolean acted = i < ENTITIES;
        boolean released = acted && quarantined;
        copy.setString(1, message);
        copy.setString(2, recipient);
        copy.setString(3, "<" + i + "@partner.example>");
        copy.setString(4, "sender" + random.nextInt(200) + "@partner" + random.nextInt(20) + ".example");
        copy.setString(5, "Invoice " + i + ", overdue");
        copy.setLong(6, micros(CAMPAIGN_START) + random.nextLong(Duration.ofDays(25).toNanos() / 1_000));
        copy.setString(7, released ? "Inbox" : location);
        copy.setString(8, quarantined ? types[random.nextInt(types.length)] : null);
        copy.setString(9, quarantined ? "HostedContentFilterPolicy" : null);
        copy.setString(10, quarantined ? "Default" : null);
        copy.setObject(11, quarantined ? micros(CAMPAIGN_START.plus(365 * 4, ChronoUnit.DAYS)) : null);
        copy.setString(12, quarantined ? (released ? "Released" : "NotReleased") : null);
        copy.setString(13, released ? ANALYST : null);
        copy.setObject(14, released ? RELEASED_AT : null);
        copy.addBatch();
        if (acted) {
          Verdict verdict = released ? Verdict.RELEASED : switch (location) {
            case "Inbox" -> Verdict.IN_THE_INBOX;
            case "Failed" -> Verdict.UNDELIVERABLE;
            default -> Verdict.NOT_QUARANTINED;
          };
          verdicts.merge(verdict, 1L, Long::sum);
          audit.setString(1, ACTION);
          audit.setString(2, message);
          audit.setString(3, recipient);
          audit.setString(4, verdict.result);
          audit.setString(5, verdict.reason);
          audit.setString(6, ANALYST);
          audit.setLong(7, RELEASED_AT);
          audit.setLong(8, i + 2);
          audit.addBatch();
        }
        if (i % 1_000 == 999) {
          copy.executeBatch();
          if (acted) {
            audit.executeBatch();
          }
          connection.commit();
        }
      }
      record(connection, verdicts);
      connection.commit();
    }
    // The first command to read the store pays for the JIT compiling HSQLDB's reads, whichever test runs first.
    CommandRun warmUp = bench.run("actions", "export", ACTION, "--out", folder.resolve("warm-up.csv").toString());
    assertThat(warmUp.exitCode()).as(warmUp.toString()).isZero();
  }

  /** The results of a release action, as its audit rows and counts name them. */
  private enum Verdict {
    RELEASED("Success", null),
    IN_THE_INBOX("AlreadyInDestination", null),
    UNDELIVERABLE("Skipped", "Undeliverable"),
    NOT_QUARANTINED("Skipped", "NotQuarantined");

    final String result;
    final String reason;

    Verdict(String result, String reason) {
      this.result = result;
      this.reason = reason;
    }
  }

  private static void record(Connection connection, Map<Verdict, Long> verdicts) throws SQLException {
    try (PreparedStatement action = connection.prepareStatement("INSERT INTO email_action (action_id,"
        + " job_instance_id, job_execution_id, name, source, action_type, operator, release_to, status, created_at,"
        + " finished_at, rows_read, entities, exit_code) VALUES (?, 1000, 1000, 'Campaign', 'AdvancedHunting',"
        + " 'release', ?, 'row', 'Completed', ?, ?, ?, ?, 0)");
         PreparedStatement count = connection.prepareStatement(
             "INSERT INTO action_count (action_id, result, reason, entities) VALUES (?, ?, ?, ?)")) {
      action.setString(1, ACTION);
      action.setString(2, ANALYST);
      action.setLong(3, RELEASED_AT);
      action.setLong(4, RELEASED_AT);
      action.setLong(5, ENTITIES);
      action.setLong(6, ENTITIES);
      action.executeUpdate();
      for (Map.Entry<Verdict, Long> verdict : verdicts.entrySet()) {
        count.setString(1, ACTION);
        count.setString(2, verdict.getKey().result);
        count.setString(3, verdict.getKey().reason);
        count.setLong(4, verdict.getValue());
        count.executeUpdate();
      }
    }
  }

  @Test
  void theThreeNewestCopiesOfTheQuarantineShowWithinTwoSeconds() {
    // when
    CommandRun run = timed("quarantine --limit 3", "quarantine", "--limit", "3");

    // then
    List<String> copies = firstLines(run);
    assertThat(copies).hasSize(3).first().asString().startsWith(UtcTime.minute(Workbench.storedInstant(
        bench.count("SELECT MAX(received_at) FROM mail_copy WHERE location = 'Quarantine'"
            + " OR release_status = 'Released'"))));
    assertThat(run.out()).endsWith("\nat least 10,000 more; use --limit or a filter.\n");
  }

  @Test
  void theCopiesAnOperatorReleasedShowWithinTwoSeconds() {
    // when
    CommandRun run = timed("quarantine --released-by " + ANALYST, "quarantine", "--released-by", ANALYST);

    // then
    assertThat(firstLines(run)).hasSize(100);
    assertThat(run.out().lines().filter(line -> line.startsWith("    released by " + ANALYST + " to "))).hasSize(100);
    assertThat(run.out()).endsWith("\nat least 10,000 more; use --limit or a filter.\n");
  }

  /** The first line of each copy on the page, checked to come newest first. */
  private static List<String> firstLines(CommandRun run) {
    List<String> copies = run.out().lines().skip(2).filter(line -> line.startsWith("20")).toList();
    assertThat(copies).isSortedAccordingTo(Comparator.comparing((String line) -> line.substring(0, 16)).reversed());
    return copies;
  }

  @Test
  void anActionOf200000EntitiesShowsInInputOrderWithinTwoSeconds() {
    // when
    CommandRun run = timedEntities("actions show (200,000 entities)", "actions", "show", ACTION);

    // then
    List<Long> lines = run.out().lines().dropWhile(line -> !line.trim().startsWith("LINE ")).skip(1)
        .takeWhile(line -> !line.endsWith(" entities")).map(line -> Long.parseLong(line.trim().split(" ")[0])).toList();
    assertThat(lines).hasSize(ENTITIES).isSorted().startsWith(2L).endsWith(ENTITIES + 1L);
    assertThat(run.out()).endsWith("\n200,000 of 200,000 entities\n");
  }

  @Test
  void anActionOf200000EntitiesExportsInInputOrderWithinTwoSeconds() throws IOException {
    // given
    Path export = folder.resolve("audit.csv");

    // when
    timedEntities("actions export (200,000 entities)", "actions", "export", ACTION, "--out", export.toString());

    // then
    List<Long> lines = Files.readAllLines(export).stream().skip(1)
        .map(line -> Long.parseLong(line.substring(line.lastIndexOf(',') + 1))).toList();
    assertThat(lines).hasSize(ENTITIES).isSorted().startsWith(2L).endsWith(ENTITIES + 1L);
  }

  /** Runs the command in-process, prints how long it took, and checks that it succeeded within two seconds. */
  private static CommandRun timed(String what, String... args) {
    TimedRun timed = TimedRun.of(args);
    System.out.printf("%-45s %5.2f s on %,d copies%n", what, timed.seconds(), COPIES);
    assertThat(timed.run().exitCode()).as(timed.run().err()).isZero();
    assertThat(timed.took()).as(what).isLessThan(WITHIN);
    return timed.run();
  }

  /**
   * Runs a command that prints or writes every entity of the action, and checks that the entities
   * cost it less than two seconds: beyond what a listing with nothing to show takes (the
   * application's start, which a test's JVM makes dearer than a command from the jar), since
   * printing 200,000 lines takes what it takes on a slow machine however the rows are read. The empty
   * listing is the Action center of queued actions, of which there are none.
   */
  private static CommandRun timedEntities(String what, String... args) {
    TimedRun empty = TimedRun.of("actions", "--status", "Queued");
    TimedRun timed = TimedRun.of(args);
    System.out.printf("%-45s %5.2f s on %,d copies, %5.2f s beyond an empty listing%n", what, timed.seconds(), COPIES,
        timed.seconds() - empty.seconds());
    assertThat(timed.run().exitCode()).as(timed.run().err()).isZero();
    assertThat(timed.took().minus(empty.took())).as(what).isLessThan(WITHIN);
    return timed.run();
  }

  private record TimedRun(CommandRun run, Duration took) {

    static TimedRun of(String... args) {
      long start = System.nanoTime();
      CommandRun run = bench.run(args);
      return new TimedRun(run, Duration.ofNanos(System.nanoTime() - start));
    }

    double seconds() {
      return took.toMillis() / 1000.0;
    }
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
