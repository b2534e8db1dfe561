package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvInputTest {

  @TempDir Path dir;

  @Test
  void quotedFieldsKeepCommasDoubledQuotesAndNewlines() throws IOException {
    Path file =
        write(
            "NetworkMessageId,RecipientEmailAddress,Subject\n"
                + "m1,a@contoso.com,\"Invoice, November\"\n"
                + "m2,b@contoso.com,\"Confirm your \"\"Woodgrove\"\" payee\"\n"
                + "m3,c@contoso.com,\"Team offsite\nagenda\"\n");

    assertThat(subjects(file))
        .containsExactly("Invoice, November", "Confirm your \"Woodgrove\" payee", "Team offsite\nagenda");
  }

  @Test
  void backslashIsAnOrdinaryCharacterNotAnEscape() throws IOException {
    Path file = write("Identity,RecipientAddress\n\"guid1\\guid2\",a@contoso.com\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().value(input.next(), Column.MESSAGE)).isEqualTo("guid1\\guid2");
    }
  }

  @Test
  void crlfLineEndingsLeaveNoCarriageReturnInValues() throws IOException {
    Path file =
        write(
            "NetworkMessageId,RecipientEmailAddress,Subject\r\n"
                + "m1,a@contoso.com,\"two\r\nlines\"\r\n"
                + "m2,b@contoso.com,last\r\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().names()).containsExactly("NetworkMessageId", "RecipientEmailAddress", "Subject");
      List<CsvRow> rows = rows(input);
      assertThat(rows).extracting(row -> String.join("|", row.cells())).doesNotContain("\r")
          .containsExactly("m1|a@contoso.com|two\nlines", "m2|b@contoso.com|last");
    }
  }

  @Test
  void byteOrderMarkIsStrippedFromTheFirstHeaderName() throws IOException {
    Path file = write("\uFEFFNetworkMessageId,RecipientEmailAddress\nm1,a@contoso.com\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().names().get(0)).isEqualTo("NetworkMessageId");
      assertThat(input.header().has(Column.MESSAGE)).isTrue();
    }
  }

  @Test
  void powerShellTypeLineIsSkippedAndCountsAsLineOne() throws IOException {
    Path file =
        write(
            "\uFEFF#TYPE Deserialized.Microsoft.Exchange.Management.FfoQuarantine.QuarantineMessage\r\n"
                + "\"Identity\",\"RecipientAddress\"\r\n"
                + "\"g1\\g2\",\"a@contoso.com\"\r\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().names()).containsExactly("Identity", "RecipientAddress");
      assertThat(input.next().lineNumber()).isEqualTo(3);
    }
  }

  @Test
  void aSemicolonSeparatedExportIsReadLikeACommaSeparatedOne() throws IOException {
    Path comma = write("comma.csv", "NetworkMessageId,RecipientEmailAddress,Subject\r\n"
        + "m1,a@contoso.com,\"Invoice; November, overdue\"\r\n"
        + "m2,b@contoso.com,\"Confirm your \"\"Woodgrove\"\" payee\"\r\n"
        + "m3,c@contoso.com,\"Team offsite\r\nagenda\"\r\n"
        + "\r\n"
        + "m4,d@contoso.com,plain\r\n");
    Path semicolon = write("semicolon.csv", "NetworkMessageId;RecipientEmailAddress;Subject\r\n"
        + "m1;a@contoso.com;\"Invoice; November, overdue\"\r\n"
        + "m2;b@contoso.com;\"Confirm your \"\"Woodgrove\"\" payee\"\r\n"
        + "m3;c@contoso.com;\"Team offsite\r\nagenda\"\r\n"
        + ";;\r\n"
        + "m4;d@contoso.com;plain\r\n");

    assertThat(records(semicolon)).isEqualTo(records(comma)).hasSize(1 + 4);
  }

  @Test
  void aTabSeparatedExportIsRead() throws IOException {
    Path file = write("NetworkMessageId\tRecipientEmailAddress\tSubject\n"
        + "m1\ta@contoso.com\tInvoice, November; overdue\n"
        + "m2\tb@contoso.com\t\"a\ttab\"\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(rows(input)).extracting(row -> List.of(row.cells())).containsExactly(
          List.of("m1", "a@contoso.com", "Invoice, November; overdue"),
          List.of("m2", "b@contoso.com", "a\ttab"));
    }
  }

  @Test
  void excelSepLineNamesTheDelimiterAndCountsAsLineOne() throws IOException {
    Path file = write("sep=;\r\nNetworkMessageId;RecipientEmailAddress;Subject\r\nm1;a@contoso.com;Invoice, November\r\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().names()).containsExactly("NetworkMessageId", "RecipientEmailAddress", "Subject");
      CsvRow row = input.next();
      assertThat(row.lineNumber()).isEqualTo(3);
      assertThat(row.cells()).containsExactly("m1", "a@contoso.com", "Invoice, November");
    }
  }

  @Test
  void byteOrderMarkThenSepLineThenAHeaderOfQuotedNames() throws IOException {
    Path file = write("\uFEFFsep=;\r\n\"Identity\";\"RecipientAddress\"\r\n\"g1\\g2\";\"a@contoso.com\"\r\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().names()).containsExactly("Identity", "RecipientAddress");
      CsvRow row = input.next();
      assertThat(row.lineNumber()).isEqualTo(3);
      assertThat(input.header().value(row, Column.MESSAGE)).isEqualTo("g1\\g2");
    }
  }

  @Test
  void sepLineOverridesWhatTheHeaderWouldSuggest() throws IOException {
    Path file = write("sep=,\nNetworkMessageId,Recipient;Email;Address\nm1,a@contoso.com\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().names()).containsExactly("NetworkMessageId", "Recipient;Email;Address");
    }
  }

  @Test
  void severalRecipientsInAQuotedCellOfASemicolonSeparatedExportStaySeveralRecipients() throws IOException {
    Path file = write("Identity;RecipientAddress;Subject\n\"g1\\g2\";\"alice@contoso.com;Bob@contoso.com\";Hello\n");

    try (CsvInput input = CsvInput.open(file)) {
      CsvRow row = input.next();
      assertThat(Cells.recipients(input.header().value(row, Column.RECIPIENT)))
          .containsExactly("alice@contoso.com", "bob@contoso.com");
      assertThat(input.header().value(row, Column.SUBJECT)).isEqualTo("Hello");
    }
  }

  @Test
  void headerReadAsOneColumnOfSeveralNamesIsRefusedNamingWhatSeparatesThem() throws IOException {
    Path file = write("NetworkMessageId|RecipientEmailAddress|Subject\nm1|a@contoso.com|Hi\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThatThrownBy(() -> input.header().require("input.csv", Column.MESSAGE, Column.RECIPIENT))
          .isInstanceOf(InputRefusedException.class)
          .hasMessage("input.csv has no message column (NetworkMessageId, Network message ID or Identity): its"
              + " columns seem separated by '|'; save the file separated by commas, semicolons or tabs and run again.");
    }
  }

  @Test
  void blankLinesAndEmptySpreadsheetRowsAreSkippedAnywhere() throws IOException {
    Path file =
        write(
            "\n\nNetworkMessageId,RecipientEmailAddress\n\nm1,a@contoso.com\n , \n,\nm2,b@contoso.com\n\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(rows(input)).extracting(CsvRow::lineNumber).containsExactly(5L, 8L);
    }
  }

  @Test
  void lineNumberIsThePhysicalLineARecordStartsOnAfterMultiLineFields() throws IOException {
    Path file =
        write(
            "NetworkMessageId,RecipientEmailAddress,Subject\n"
                + "m1,a@contoso.com,\"one\ntwo\nthree\"\n"
                + "m2,b@contoso.com,single\n"
                + "m3,c@contoso.com,\"x\r\ny\"\n"
                + "m4,d@contoso.com,end");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(rows(input)).extracting(CsvRow::lineNumber).containsExactly(2L, 5L, 6L, 8L);
      assertThat(input.linesRead()).isEqualTo(8);
    }
  }

  @Test
  void columnsInAnyOrderWithUnknownColumnsIgnored() throws IOException {
    Path file =
        write(
            "Comment,recipient_email_address,Extra,NETWORK-MESSAGE-ID\n"
                + "looks fine,a@contoso.com,x,m1\n");

    try (CsvInput input = CsvInput.open(file)) {
      CsvRow row = input.next();
      assertThat(input.header().value(row, Column.MESSAGE)).isEqualTo("m1");
      assertThat(input.header().value(row, Column.RECIPIENT)).isEqualTo("a@contoso.com");
    }
  }

  @Test
  void shortRowsReadAsBlankCells() throws IOException {
    Path file = write("NetworkMessageId,RecipientEmailAddress,Subject\nm1\n");

    try (CsvInput input = CsvInput.open(file)) {
      CsvRow row = input.next();
      assertThat(input.header().value(row, Column.RECIPIENT)).isEmpty();
      assertThat(input.header().value(row, Column.SENDER)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n  \n", "\uFEFF", "#TYPE Deserialized.Something\r\n\r\n"})
  void fileWithoutAHeaderRowIsRefused(String content) throws IOException {
    Path file = write(content);

    assertThatThrownBy(() -> CsvInput.open(file))
        .isInstanceOf(InputRefusedException.class)
        .hasMessage(
            "input.csv has no header row; export it again with its column names on the first line.");
  }

  @Test
  void invalidUtf8InADataRowBecomesAReplacementCharacter() throws IOException {
    Path file = dir.resolve("input.csv");
    byte[] head = "NetworkMessageId,RecipientEmailAddress,Subject\nm1,a@contoso.com,Caf".getBytes(StandardCharsets.US_ASCII);
    byte[] latin1 = {(byte) 0xE9, '\n'};
    Files.write(file, concat(head, latin1));

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.header().value(input.next(), Column.SUBJECT)).isEqualTo("Caf\uFFFD");
    }
  }

  @Test
  void headerThatIsNotUtf8IsRefused() throws IOException {
    Path file = dir.resolve("input.csv");
    Files.write(file, concat("Sujet ".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, '\n'}));

    assertThatThrownBy(() -> CsvInput.open(file))
        .isInstanceOf(InputRefusedException.class)
        .hasMessageStartingWith("input.csv is not UTF-8 text;");
  }

  @Test
  void utf16FileIsRefusedWithTheEncodingToUse() throws IOException {
    Path file = dir.resolve("input.csv");
    Files.write(file, "\uFEFFNetworkMessageId\n".getBytes(StandardCharsets.UTF_16LE));

    assertThatThrownBy(() -> CsvInput.open(file))
        .isInstanceOf(InputRefusedException.class)
        .hasMessage(
            "input.csv is UTF-16 text; save it as CSV UTF-8 (PowerShell: Export-Csv -Encoding UTF8)"
                + " and run again.");
  }

  @Test
  void quoteThatIsNeverClosedIsRefusedNamingItsLine() throws IOException {
    Path file =
        write("NetworkMessageId,RecipientEmailAddress,Subject\nm1,a@contoso.com,ok\nm2,b@contoso.com,\"open\nm3,c\n");

    try (CsvInput input = CsvInput.open(file)) {
      input.next();
      assertThatThrownBy(input::next)
          .isInstanceOf(InputRefusedException.class)
          .hasMessage(
              "input.csv has a quoted field opened on line 3 that is never closed;"
                  + " fix the quotes on that line and run again.");
    }
  }

  @Test
  void unclosedQuoteDoesNotSwallowTheRestOfALargeFile() throws IOException {
    StringBuilder content = new StringBuilder("NetworkMessageId,RecipientEmailAddress\nm0,\"a@contoso.com\n");
    for (int i = 1; i <= CsvInput.MAX_LINES_PER_RECORD + 10; i++) {
      content.append('m').append(i).append(",a@contoso.com\n");
    }
    Path file = write(content.toString());

    try (CsvInput input = CsvInput.open(file)) {
      assertThatThrownBy(input::next)
          .isInstanceOf(InputRefusedException.class)
          .hasMessageContaining("opened on line 2");
    }
  }

  @Test
  void quotedFieldSpanningLinesLongerThanAnyExportIsRefusedNamingTheLineItStartsOn() throws IOException {
    String line = "y".repeat(8 * 1024) + "\n";
    Path file = write("NetworkMessageId,RecipientEmailAddress,Subject\nm1,a@contoso.com,\"" + line.repeat(200) + "\"\n");

    try (CsvInput input = CsvInput.open(file)) {
      assertThatThrownBy(input::next)
          .isInstanceOf(InputRefusedException.class)
          .hasMessageStartingWith("input.csv has a record starting on line 2 longer than 1 MiB");
    }
  }

  @Test
  void quotedFieldsWithEscapedQuotesAndLineBreaksDoNotAddUpAcrossRecords() throws IOException {
    String record = "m1,a@contoso.com,\"say \"\"hi\"\"\nand bye\"," + "x".repeat(1000) + "\n";
    Path file = write("NetworkMessageId,RecipientEmailAddress,Subject,Body\n" + record.repeat(2000));

    try (CsvInput input = CsvInput.open(file)) {
      int records = 0;
      while (input.next() != null) {
        records++;
      }
      assertThat(records).isEqualTo(2000);
    }
  }

  @Test
  void missingFileIsRefused() {
    Path file = dir.resolve("missing.csv");

    assertThatThrownBy(() -> CsvInput.open(file))
        .isInstanceOf(InputRefusedException.class)
        .hasMessage(file + " does not exist; check the path and try again.");
  }

  @Test
  void nextReturnsNullAtTheEndAndKeepsDoingSo() throws IOException {
    Path file = write("NetworkMessageId,RecipientEmailAddress\nm1,a@contoso.com");

    try (CsvInput input = CsvInput.open(file)) {
      assertThat(input.next()).isNotNull();
      assertThat(input.next()).isNull();
      assertThat(input.next()).isNull();
      assertThat(input.linesRead()).isEqualTo(2);
    }
  }

  private Path write(String content) throws IOException {
    return write("input.csv", content);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** The header, then each record with its line number, as read through. */
  private static List<String> records(Path file) throws IOException {
    try (CsvInput input = CsvInput.open(file)) {
      List<String> records = new ArrayList<>();
      records.add(input.header().names().toString());
      for (CsvRow row : rows(input)) {
        records.add(row.lineNumber() + ":" + List.of(row.cells()));
      }
      return records;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static List<String> subjects(Path file) throws IOException {
    try (CsvInput input = CsvInput.open(file)) {
      List<String> subjects = new ArrayList<>();
      for (CsvRow row = input.next(); row != null; row = input.next()) {
        subjects.add(input.header().value(row, Column.SUBJECT));
      }
      return subjects;
    }
  }

  private static List<CsvRow> rows(CsvInput input) throws IOException {
    List<CsvRow> rows = new ArrayList<>();
    for (CsvRow row = input.next(); row != null; row = input.next()) {
      rows.add(row);
    }
    return rows;
  }
}
