package io.qrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphTest {

  @Test
  void aValueThatFitsStaysOnOneLine() {
    assertThat(Paragraph.of("  skipped    ", List.of("InvalidRow 1", "Expired 2"), ", ", 80))
        .isEqualTo("  skipped    InvalidRow 1, Expired 2\n");
  }

  @Test
  void aLongValueBreaksBetweenItemsUnderItsFirstCharacterKeepingTheSeparatorsMark() {
    // given
    List<String> reasons = List.of("InvalidRow 1,000", "NotFound 2,000", "Expired 3,000");

    // when
    String text = Paragraph.of("  skipped    ", reasons, ", ", 46);

    // then
    assertThat(text).isEqualTo("""
          skipped    InvalidRow 1,000, NotFound 2,000,
                     Expired 3,000
        """);
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(46));
  }

  @Test
  void wordsBreakAtSpacesAndKeepDoubleSpacesWithinALine() {
    assertThat(Paragraph.words("    ", "released by someone@contoso.com to alice@contoso.com  on 2026-11-26", 40))
        .isEqualTo("""
                released by someone@contoso.com to
                alice@contoso.com  on 2026-11-26
            """);
  }

  @Test
  void anItemLongerThanTheLineKeepsALineOfItsOwnWhole() {
    String path = "/home/secops/qrelease/exports/a-rather-long-folder/hunting-export.csv";

    assertThat(Paragraph.words("  input  ", "read " + path + " twice", 40))
        .isEqualTo("  input  read\n         " + path + "\n         twice\n");
  }

  @Test
  void controlCharactersBecomeSpaces() {
    assertThat(Paragraph.words("  ", "a\u001b[31m\nb", 80)).isEqualTo("  a [31m b\n");
  }
}
