package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken and hostile files, each given to {@code release} and to {@code import} against a store that
 * holds copies: every one is refused or completes with its accounting intact, says so in at most one line, never
 * shows a stack trace and never hangs. Exit 0 is expected only of the files that are fine despite their looks.
 */
class HostileInputFunctionalTest {

  private static final long SEED = 20261126L;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String ADMINISTRATOR = "secops-admin@contoso.com";
  private static final String HEADER = "Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires\n";
  private static final String GOOD_ROWS = row(INVOICE, "alice@contoso.com", "Invoice")
      + row(NEWSLETTER, "bob@contoso.com;carol@contoso.com", "Newsletter");
  private static final int REFUSED = 2;
  private static final int INVALID_ROWS = 3;
  private static final int FINE = 0;
  private static final Pattern LOG_FILE = Pattern.compile("(?i)details are in (.+?)\\.?$");

  @TempDir
  static Path folder;
  static Workbench bench;

  /**
   * A hostile file and the exit code each command must end with: the reason says why that outcome is the right one.
   */
  record Hostile(String name, byte[] content, int releaseExit, int importExit, String reason) {
    @Override
    public String toString() {
      return name + " (release " + releaseExit + ", import " + importExit + ": " + reason + ")";
    }
  }

  @BeforeAll
  static void storeWithCopies() {
    bench = QuarantinedMail.imported(folder.resolve("store"));
  }

  static Stream<Hostile> corpus() {
    Random random = new Random(SEED);
    return Stream.of(
        new Hostile("truncated mid-row", text(HEADER + GOOD_ROWS + INVOICE.substring(0, 20)),
            INVALID_ROWS, INVALID_ROWS, "the cut row has no message id or recipient"),
        new Hostile("truncated mid-quoted-field", text(HEADER + GOOD_ROWS + INVOICE + ",dave@contoso.com,a@b.example,\"Half a sub"),
            REFUSED, REFUSED, "a quote is never closed"),
        new Hostile("random bytes", randomBytes(random, 64 * 1024),
            REFUSED, REFUSED, "no header decodes"),
        new Hostile("random CSV punctuation after a good header", text(HEADER + GOOD_ROWS + noise(random, 200)),
            INVALID_ROWS, INVALID_ROWS, "its quotes happen to balance, and no noise row names a message and a recipient"),
        new Hostile("unbalanced quote mid-file", text(HEADER + "\"" + INVOICE + ",alice@contoso.com\n" + GOOD_ROWS.repeat(600)),
            REFUSED, REFUSED, "a quote opened on line 2 swallows the rest"),
        new Hostile("semicolon delimiter", text(HEADER.replace(',', ';') + GOOD_ROWS.replace(',', ';')
            .replace("bob@contoso.com;carol@contoso.com", "\"bob@contoso.com;carol@contoso.com\"")),
            FINE, FINE, "the file is fine: a spreadsheet's list separator, with the recipients cell quoted"),
        new Hostile("tab delimiter", text(HEADER.replace(',', '\t') + GOOD_ROWS.replace(',', '\t')),
            FINE, FINE, "the file is fine: tab-separated text"),
        new Hostile("pipe delimiter", text(HEADER.replace(',', '|') + GOOD_ROWS.replace(',', '|')),
            REFUSED, REFUSED, "its header reads as one column, so there is no message column"),
        new Hostile("huge line", text(HEADER + GOOD_ROWS + row(INVOICE, "alice@contoso.com", "x".repeat(3 << 20))),
            REFUSED, REFUSED, "a line longer than any export writes"),
        new Hostile("huge quoted field over many lines", text(HEADER + GOOD_ROWS
            + row(INVOICE, "alice@contoso.com", "\"" + ("y".repeat(8 * 1024) + "\n").repeat(512) + "\"")),
            REFUSED, REFUSED, "a record longer than any export writes"),
        new Hostile("subject longer than the store holds", text(HEADER + GOOD_ROWS + row(INVOICE, "dave@contoso.com",
            "z".repeat(100_000))),
            FINE, INVALID_ROWS, "the file is fine for a release, which reads no subject; import rejects the row"),
        new Hostile("blank message id", text(HEADER + GOOD_ROWS + row("", "alice@contoso.com", "No message")),
            INVALID_ROWS, INVALID_ROWS, "a row without a message id is malformed"),
        new Hostile("huge recipient", text(HEADER + GOOD_ROWS + row(INVOICE, "a".repeat(512 * 1024) + "@contoso.com", "Big")),
            INVALID_ROWS, INVALID_ROWS, "no address is that long"),
        new Hostile("invalid UTF-8 in the header", concat(text("Identity,Recipient"), new byte[] {(byte) 0xC3, (byte) 0x28},
            text("Address\n" + GOOD_ROWS)),
            REFUSED, REFUSED, "no column of an undecodable header can be trusted"),
        new Hostile("invalid UTF-8 in data rows", concat(text(HEADER + GOOD_ROWS + INVOICE + ",dave@cont"),
            new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80}, text("oso.com,a@b.example,Sub"), new byte[] {(byte) 0xE9},
            text("ject,Spam,NOTRELEASED,2099-01-01T00:00:00Z\n")),
            INVALID_ROWS, INVALID_ROWS, "the damaged recipient is no address"),
        new Hostile("formula-looking values", text(HEADER + GOOD_ROWS + row("=cmd|' /C calc'!A0", "+1", "-1")
            + row(INVOICE, "@SUM(1)", "=HYPERLINK(\"http://evil.example\")") + row("-1", "alice@contoso.com", "+1")),
            INVALID_ROWS, INVALID_ROWS, "a formula is no message id or address"),
        new Hostile("10,000 columns", text(wide(10_000)),
            FINE, FINE, "the file is fine: unknown columns are ignored"),
        new Hostile("header repeated mid-file", text(HEADER + GOOD_ROWS + HEADER + GOOD_ROWS),
            INVALID_ROWS, INVALID_ROWS, "the repeated header is a row without a message id"),
        new Hostile("empty file", new byte[0],
            REFUSED, REFUSED, "no header row"),
        new Hostile("only a byte order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            REFUSED, REFUSED, "no header row"),
        new Hostile("NUL bytes in the header", concat(text("Identity,"), new byte[3], text("RecipientAddress\n" + GOOD_ROWS)),
            REFUSED, REFUSED, "a header with NUL bytes is not text"),
        new Hostile("NUL bytes in a data row", concat(text(HEADER + GOOD_ROWS + INVOICE.substring(0, 8)), new byte[4],
            text(INVOICE.substring(8) + ",alice@contoso.com,a@b.example,Subject,Spam,NOTRELEASED,2099-01-01T00:00:00Z\n")),
            INVALID_ROWS, INVALID_ROWS, "the damaged message id is no GUID"),
        new Hostile("only NUL bytes", new byte[4096],
            REFUSED, REFUSED, "a header with NUL bytes is not text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aHostileFileIsRefusedOrCompletesInOneLineWithItsAccountingIntact(Hostile hostile) {
    // given
    Path file = write(hostile);
    List<Object> earlierActions = actionIds();

    // when
    // The corpus is quarantine exports, which release takes only when told every copy in one is meant.
    CommandRun release = assertTimeoutPreemptively(PATIENCE,
        () -> bench.run("release", file.toString(), "--operator", ADMINISTRATOR, "--whole-quarantine-export"));
    CommandRun imported = assertTimeoutPreemptively(PATIENCE, () -> bench.run("import", file.toString()));

    // then
    assertEndedCleanly(release, hostile.releaseExit());
    assertEndedCleanly(imported, hostile.importExit());
    assertNewActionsBalance(earlierActions);
  }

  private static void assertEndedCleanly(CommandRun run, int exitCode) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.err().lines()).as(run.toString()).hasSizeLessThanOrEqualTo(1);
    assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("\tat ", "Exception");
    Matcher log = LOG_FILE.matcher(run.err().strip());
    if (log.find()) {
      assertThat(Path.of(log.group(1))).as(run.toString()).startsWith(folder.resolve("store/db/logs"));
    }
  }

  /** The product fails a run whose books do not balance; this reads the books itself. */
  private static void assertNewActionsBalance(List<Object> earlierActions) {
    assertThat(bench.query("SELECT e.action_id, e.status, e.entities - e.duplicate_rows AS expected,"
        + " (SELECT COUNT(*) FROM action_audit a WHERE a.action_id = e.action_id) AS audited FROM email_action e"))
        .filteredOn(action -> !earlierActions.contains(action.get("action_id")))
        .allSatisfy(action -> {
          assertThat(action.get("status")).as(action.toString()).isIn("Completed", "DryRun");
          assertThat(((Number) action.get("audited")).longValue()).as(action.toString())
              .isEqualTo(((Number) action.get("expected")).longValue());
        });
  }

  private static List<Object> actionIds() {
    return bench.query("SELECT action_id FROM email_action").stream().map(action -> action.get("action_id")).toList();
  }

  private static String row(String message, String recipient, String subject) {
    String identity = message.length() == 36 ? message + "\\aaaaaaaa-0000-0000-0000-000000000009" : message;
    return identity + "," + recipient + ",billing@partner.example," + subject + ",Spam,NOTRELEASED,2099-01-01T00:00:00Z\n";
  }

  /** A good export with thousands of columns nobody asked for, before and between the ones that matter. */
  private static String wide(int columns) {
    StringBuilder header = new StringBuilder("Identity,RecipientAddress");
    StringBuilder row = new StringBuilder(INVOICE + ",alice@contoso.com");
    for (int i = 2; i < columns; i++) {
      header.append(",Extra").append(i);
      row.append(",v").append(i);
    }
    return header + "\n" + row + "\n";
  }

  /** Lines of the characters that matter to a CSV parser, in a seeded random order. */
  private static String noise(Random random, int lines) {
    String alphabet = "abcdef0123456789-,;\"@. \r\n\\";
    StringBuilder noise = new StringBuilder();
    for (int line = 0; line < lines; line++) {
      for (int i = random.nextInt(120); i > 0; i--) {
        noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      noise.append('\n');
    }
    return noise.toString();
  }

  private static byte[] randomBytes(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }

  private static Path write(Hostile hostile) {
    Path file = folder.resolve("corpus").resolve(hostile.name().replaceAll("[^A-Za-z0-9]+", "-") + ".csv");
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, hostile.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
