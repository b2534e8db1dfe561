package io.qrelease.report;

import static io.qrelease.report.TextTable.number;
import static io.qrelease.report.TextTable.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

  static final TextTable TABLE = TextTable.of(text("NAME", 8), number("COUNT", 5), text("NOTE", 6));

  @Test
  void cellsLineUpUnderTheirTitlesWithNumbersOnTheRight() {
    assertThat(TABLE.header()).isEqualTo("NAME      COUNT  NOTE");
    assertThat(TABLE.row("alice", 12, "ok")).isEqualTo("alice        12  ok");
    assertThat(TABLE.row(null, 0, null)).isEqualTo(" ".repeat(8 + 2 + 4) + "0");
  }

  @Test
  void aLongTextIsCutWithAnEllipsisButANumberIsNever() {
    assertThat(TABLE.row("bartholomew", 1234567, "a b c d e")).isEqualTo("barthol…  1234567  a b c…");
  }

  @Test
  void controlCharactersBecomeSpacesSoARowStaysOneLine() {
    assertThat(TABLE.row("a\nb", 1, "\u001b[31m")).isEqualTo("a b" + " ".repeat(5 + 2 + 4) + "1" + "  " + " [31m");
  }

  @Test
  void widthCountsTheIndentAndTheGaps() {
    assertThat(TABLE.width()).isEqualTo(8 + 2 + 5 + 2 + 6);
    assertThat(TABLE.indented(2).width()).isEqualTo(2 + 8 + 2 + 5 + 2 + 6);
    assertThat(TABLE.indented(2).row("x", 1, "y")).isEqualTo("  x             1  y");
  }
}
