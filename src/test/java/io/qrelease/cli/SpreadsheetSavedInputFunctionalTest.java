package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriter;
import com.opencsv.RFC4180Parser;
import com.opencsv.exceptions.CsvValidationException;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.StoreSnapshot;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample exports as Excel saves them in a locale whose list separator is a semicolon. */
class SpreadsheetSavedInputFunctionalTest {

  private static final Path SAMPLES = Path.of("samples");
  private static final String OPERATOR = "analyst@contoso.com";

  @TempDir
  Path folder;

  @Test
  void aSemicolonSeparatedExportFromExcelIsImportedAndReleasedLikeACommaSeparatedOne() throws Exception {
    // given: the samples as exported, and as Excel saves them again: semicolons, fields quoted only where
    // needed (the message for two recipients among them), CRLF, and for the quarantine export a byte order
    // mark and a sep line where PowerShell's #TYPE line was, so that every row keeps its line number
    Workbench comma = new Workbench(folder.resolve("comma"));
    Workbench semicolon = new Workbench(folder.resolve("semicolon"));
    String quarantineExport = sample("quarantine-export.csv");
    Path quarantine = semicolon.write("quarantine-export.csv",
        "\uFEFFsep=;\r\n" + semicolonSeparated(quarantineExport.substring(quarantineExport.indexOf('\n') + 1)));
    Path events = semicolon.write("email-events.csv", semicolonSeparated(sample("email-events.csv")));
    Path hunting = semicolon.write("hunting-export.csv", semicolonSeparated(sample("hunting-export.csv")));
    assertThat(Files.readString(quarantine)).contains(";\"dave@contoso.com;erin@contoso.com\";");

    // when
    List<CommandRun> fromComma = List.of(
        comma.run("import", SAMPLES.resolve("quarantine-export.csv").toString()),
        comma.run("import", SAMPLES.resolve("email-events.csv").toString()),
        comma.run("release", SAMPLES.resolve("hunting-export.csv").toString(), "--operator", OPERATOR));
    List<CommandRun> fromSemicolon = List.of(
        semicolon.run("import", quarantine.toString()),
        semicolon.run("import", events.toString()),
        semicolon.run("release", hunting.toString(), "--operator", OPERATOR));

    // then
    assertThat(fromSemicolon).extracting(CommandRun::exitCode).as(fromSemicolon.toString()).containsExactly(0, 0, 3);
    assertThat(fromSemicolon.get(0).out()).contains("25 read, 25 imported, 0 rejected", "26 loaded into the store");
    assertThat(fromSemicolon.get(2).out())
        .contains("source     AdvancedHunting", "entities   21   Success 12   AlreadyInDestination 2   Skipped 7");
    assertThat(fromSemicolon).extracting(CommandRun::exitCode)
        .isEqualTo(fromComma.stream().map(CommandRun::exitCode).toList());
    assertThat(copies(semicolon)).hasSize(33).isEqualTo(copies(comma));
    assertThat(StoreSnapshot.of(semicolon).audit()).hasSize(21);
    assertThat(StoreSnapshot.of(semicolon)).isEqualTo(StoreSnapshot.of(comma));
    assertThat(action(semicolon)).isEqualTo(action(comma));
  }

  private static String sample(String name) throws IOException {
    return Files.readString(SAMPLES.resolve(name), StandardCharsets.UTF_8);
  }

  private static String semicolonSeparated(String commaSeparated) throws IOException, CsvValidationException {
    StringWriter text = new StringWriter();
    try (CSVReader records = new CSVReaderBuilder(new StringReader(commaSeparated))
        .withCSVParser(new RFC4180Parser()).build();
         CSVWriter excel = new CSVWriter(text, ';', '"', '"', "\r\n")) {
      for (String[] record = records.readNext(); record != null; record = records.readNext()) {
        excel.writeNext(record, false);
      }
    }
    return text.toString();
  }

  /** What the imports put in each copy; the release's part is in {@link StoreSnapshot}. */
  private static List<Map<String, Object>> copies(Workbench bench) {
    return bench.query("SELECT network_message_id, recipient, internet_message_id, sender, subject, received_at,"
        + " quarantine_type, policy_type, policy_name, expires_at FROM mail_copy ORDER BY network_message_id, recipient");
  }

  private static List<Map<String, Object>> action(Workbench bench) {
    return bench.query("SELECT source, action_type, operator, status, rows_read, entities, duplicate_rows, exit_code"
        + " FROM email_action");
  }
}
