package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate writes synthetic exports, and never replaces exports already in its folder without being told to. */
class GenerateFunctionalTest {

  @TempDir
  Path folder;

  @Test
  void generateRefusesToReplaceExportsAlreadyInTheFolderUnlessToldTo() throws Exception {
    // given: a hunting export someone saved there
    Path hunting = Files.writeString(folder.resolve("hunting-export.csv"), "what an analyst exported\n");

    // when
    CommandRun refused = CommandRun.of("generate", "--messages", "10", "--out", folder.toString());
    String kept = Files.readString(hunting);
    CommandRun replaced = CommandRun.of("generate", "--messages", "10", "--out", folder.toString(), "--overwrite");

    // then
    Screen.assertRefused(refused);
    assertThat(refused.err()).contains(hunting + " already exists; pass another --out, or --overwrite");
    assertThat(kept).isEqualTo("what an analyst exported\n");
    assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
    assertThat(Files.readString(hunting)).startsWith("Timestamp,NetworkMessageId");
  }
}
