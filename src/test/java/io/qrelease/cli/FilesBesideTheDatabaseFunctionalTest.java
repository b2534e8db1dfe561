package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a command writes besides the database (the log, an import's rejects) go beside the
 * database it was given, carry its name, and never replace one another.
 */
class FilesBesideTheDatabaseFunctionalTest {

  private static final Pattern REJECTS = Pattern.compile("rejects +(\\S+)");
  private static final String BAD_EXPORT = """
      Identity,RecipientAddress,QuarantineTypes
      not-a-guid\\aaaaaaaa-0000-0000-0000-000000000001,alice@contoso.com,Spam
      """;

  @TempDir
  Path folder;

  @Test
  void twoDatabasesInOneFolderKeepTheirRejectsApartBesideThemNotInTheWorkingFolder() throws IOException {
    // given: two databases in one folder, and the same export imported into each
    Workbench first = new Workbench(folder);
    Path export = first.write("bad.csv", BAD_EXPORT);
    String tenant = folder.resolve("tenant.yml").toString();
    List<Path> before = rejectsInWorkingFolder();

    // when
    CommandRun one = CommandRun.of("import", export.toString(), "--db", "jdbc:hsqldb:file:" + folder.resolve("db/one"),
        "--tenant", tenant);
    CommandRun two = CommandRun.of("import", export.toString(), "--db", "jdbc:hsqldb:file:" + folder.resolve("db/two"),
        "--tenant", tenant);

    // then
    assertThat(one.exitCode()).as(one.toString()).isEqualTo(3);
    assertThat(two.exitCode()).as(two.toString()).isEqualTo(3);
    Path oneRejects = rejects(one);
    Path twoRejects = rejects(two);
    assertThat(oneRejects.getParent()).isEqualTo(folder.resolve("db/rejects"));
    assertThat(oneRejects.getFileName().toString()).startsWith("one-import-0-");
    assertThat(twoRejects.getFileName().toString()).startsWith("two-import-0-");
    assertThat(Files.readString(oneRejects)).contains("not-a-guid");
    assertThat(Files.readString(twoRejects)).contains("not-a-guid");
    assertThat(rejectsInWorkingFolder()).isEqualTo(before);
  }

  @Test
  void theRejectsOfADatabaseMadeAnewDoNotReplaceThoseOfTheOneBeforeIt() throws Exception {
    // given: an import with rejects, then the database removed and made anew, its imports numbered from 0 again
    Workbench bench = new Workbench(folder);
    Path export = bench.write("bad.csv", BAD_EXPORT);
    Path earlier = rejects(bench.run("import", export.toString()));
    try (Stream<Path> files = Files.list(folder.resolve("db"))) {
      for (Path file : files.filter(file -> file.getFileName().toString().startsWith("qrelease.")).toList()) {
        Files.delete(file);
      }
    }
    Thread.sleep(1_100);

    // when
    Path later = rejects(bench.run("import", export.toString()));

    // then
    assertThat(later).isNotEqualTo(earlier);
    assertThat(earlier).exists();
    assertThat(later).exists();
  }

  @Test
  void theDetailsOfAFailureAreLoggedBesideTheDatabase() {
    // given
    Workbench bench = QuarantinedMail.imported(folder);
    bench.execute("CREATE TRIGGER fail_every_audit BEFORE INSERT ON action_audit FOR EACH ROW SIGNAL SQLSTATE '45000'"
        + " SET MESSAGE_TEXT = 'simulated write failure'");
    Path selection = QuarantinedMail.selection(bench, "selection.csv",
        QuarantinedMail.row(QuarantinedMail.INVOICE, "alice@contoso.com"));

    // when
    CommandRun run = bench.run("release", selection.toString(), "--operator", QuarantinedMail.ANALYST);

    // then
    Path log = folder.resolve("db/logs/qrelease.log");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("Details are in " + log);
    assertThat(log).content().contains("45000 unhandled user-defined exception");
  }

  private static Path rejects(CommandRun run) {
    Matcher rejects = REJECTS.matcher(run.out());
    assertThat(rejects.find()).as(run.toString()).isTrue();
    return Path.of(rejects.group(1));
  }

  private static List<Path> rejectsInWorkingFolder() throws IOException {
    Path rejects = Path.of("data", "rejects");
    if (!Files.isDirectory(rejects)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(rejects)) {
      return files.sorted().toList();
    }
  }
}
