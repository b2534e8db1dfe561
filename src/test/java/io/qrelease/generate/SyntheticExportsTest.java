package io.qrelease.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.generate.SyntheticExports.MessageIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticExportsTest {

  private static final int MESSAGES = 2_000;

  @TempDir
  Path folder;

  @Test
  void ascendingIdsAscendThroughEveryExport() throws IOException {
    // when
    SyntheticExports.write(folder, MESSAGES, 7, MessageIds.ascending);

    // then
    assertThat(column(SyntheticExports.QUARANTINE_EXPORT, 0)).isSortedAccordingTo(String::compareTo)
        .doesNotHaveDuplicates();
    assertThat(column(SyntheticExports.EMAIL_EVENTS, 1)).isSortedAccordingTo(String::compareTo)
        .doesNotHaveDuplicates();
  }

  @Test
  void theOrderOfTheIdsChangesNothingElseInTheExports() throws IOException {
    // given
    Path random = folder.resolve("random");
    Path ascending = folder.resolve("ascending");

    // when
    SyntheticExports.write(random, MESSAGES, 7, MessageIds.random);
    SyntheticExports.write(ascending, MESSAGES, 7, MessageIds.ascending);

    // then
    for (String export : List.of(SyntheticExports.QUARANTINE_EXPORT, SyntheticExports.EMAIL_EVENTS,
        SyntheticExports.HUNTING_EXPORT)) {
      assertThat(withoutMessageIds(ascending.resolve(export))).as(export)
          .isEqualTo(withoutMessageIds(random.resolve(export)));
    }
    assertThat(Files.readAllLines(ascending.resolve(SyntheticExports.HUNTING_EXPORT)))
        .isNotEqualTo(Files.readAllLines(random.resolve(SyntheticExports.HUNTING_EXPORT)));
  }

  @Test
  void theSameCountAndSeedGiveTheSameFiles() throws IOException {
    // when
    SyntheticExports.write(folder.resolve("a"), MESSAGES, 7, MessageIds.random);
    SyntheticExports.write(folder.resolve("b"), MESSAGES, 7, MessageIds.random);

    // then
    assertThat(Files.readAllLines(folder.resolve("a").resolve(SyntheticExports.HUNTING_EXPORT)))
        .isEqualTo(Files.readAllLines(folder.resolve("b").resolve(SyntheticExports.HUNTING_EXPORT)));
  }

  /** The message id of a quarantine export is the first GUID of its Identity. */
  private List<String> column(String export, int index) throws IOException {
    return Files.readAllLines(folder.resolve(export)).stream().skip(1)
        .map(line -> line.split(",")[index].split("\\\\")[0]).toList();
  }

  /** Every line with each GUID blanked out: the message ids, and in a quarantine export the second GUID too. */
  private static List<String> withoutMessageIds(Path export) throws IOException {
    return Files.readAllLines(export).stream()
        .map(line -> Arrays.stream(line.split(","))
            .map(cell -> cell.matches("[0-9a-f-]{36}(\\\\.*)?") ? "" : cell)
            .reduce((left, right) -> left + "," + right).orElse(""))
        .toList();
  }
}
