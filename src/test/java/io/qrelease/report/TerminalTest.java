package io.qrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TerminalTest {

  @AfterEach
  void clearTheColumns() {
    System.clearProperty(Terminal.COLUMNS_PROPERTY);
  }

  @Test
  void thePropertySaysTheWidth() {
    System.setProperty(Terminal.COLUMNS_PROPERTY, "132");

    assertThat(Terminal.width()).isEqualTo(132);
  }

  @Test
  void withoutAWidthOutputThatGoesToNoTerminalIsLaidOutForAHundredColumns() {
    // Maven runs the tests without COLUMNS and without a console, as a pipe is.
    assertThat(System.getenv("COLUMNS")).isNull();
    assertThat(System.console()).isNull();

    assertThat(Terminal.width()).isEqualTo(100);
  }

  @Test
  void aWidthThatIsNoPositiveNumberIsIgnored() {
    for (String nonsense : new String[] {"0", "-80", "eighty", "", "99999"}) {
      System.setProperty(Terminal.COLUMNS_PROPERTY, nonsense);

      assertThat(Terminal.width()).as(nonsense).isEqualTo(100);
    }
  }
}
