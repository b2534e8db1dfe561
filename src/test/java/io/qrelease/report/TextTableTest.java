package io.qrelease.report;

import static io.qrelease.report.TextTable.count;
import static io.qrelease.report.TextTable.flexible;
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

  @Test
  void aCountIsGroupedInThousandsAndANumberIsPrintedAsGiven() {
    TextTable table = TextTable.of(number("ID", 6), count("ROWS", 10));

    assertThat(table.row(157445, 157445L)).isEqualTo("157445     157,445");
    assertThat(table.row(7, 1_234_567_890L)).isEqualTo("     7  1,234,567,890");
  }

  @Test
  void fittingANarrowerWidthNarrowsTheWidestFlexibleColumnsFirstAndLeavesTheOthers() {
    // given: 16 + 28 + 20 + 10 and three gaps, 80 columns
    TextTable table = TextTable.of(text("WHEN", 16), flexible("SENDER", 28), flexible("SUBJECT", 20), count("N", 10));

    // when
    TextTable fitted = table.fittedTo(70);

    // then: the sender gives up 8 to reach the subject's 20, then the two give up 1 each
    assertThat(fitted.width()).isEqualTo(70);
    assertThat(fitted.row("2026-11-04 08:00", "billing@northwindtraders.com", "Your invoice is ready", 12345))
        .isEqualTo("2026-11-04 08:00  billing@northwindt…  Your invoice is re…      12,345");
  }

  @Test
  void aTableFitsAWidthOnlyWhileItsFlexibleColumnsKeepTwelveCharacters() {
    TextTable table = TextTable.of(text("ID", 36), flexible("RECIPIENT", 28)).indented(2);

    assertThat(table.fits(2 + 36 + 2 + 12)).isTrue();
    assertThat(table.fits(2 + 36 + 2 + 11)).isFalse();
    assertThat(table.fittedTo(40).width()).as("as narrow as it goes").isEqualTo(2 + 36 + 2 + 12);
    assertThat(table.fittedTo(120).width()).as("never wider than laid out").isEqualTo(table.width());
  }
}
