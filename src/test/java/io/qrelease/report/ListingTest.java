package io.qrelease.report;

import static io.qrelease.report.TextTable.count;
import static io.qrelease.report.TextTable.flexible;
import static io.qrelease.report.TextTable.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListingTest {

  static final TextTable.Column ID = text("ID", 36);
  static final TextTable.Column STATUS = text("STATUS", 10);
  static final TextTable.Column NAME = flexible("NAME", 20);
  static final TextTable.Column NOTE = flexible("NOTE", 30);
  static final TextTable.Column ROWS = count("ROWS", 9);
  static final String ID_VALUE = "8e71e249-e050-46ee-8adb-2a053379959f";

  /** 36 + 10 + 20 and two gaps on the first line, 70 columns; on fewer, the name moves to the second. */
  static final Listing LISTING = Listing.of(
          TextTable.of(ID, STATUS, NAME),
          TextTable.of(ROWS, NOTE).indented(2))
      .orNarrower(
          TextTable.of(ID, STATUS),
          TextTable.of(ROWS, flexible("NAME", 20), NOTE).indented(2));

  @Test
  void aRecordTakesTheFirstLayoutThatFitsTheWidth() {
    // when
    Listing wide = LISTING.fittedTo(100);
    Listing narrow = LISTING.fittedTo(60);

    // then
    assertThat(wide.header()).containsExactly(
        "ID                                    STATUS      NAME",
        "       ROWS  NOTE");
    assertThat(wide.rows(ID_VALUE, "Completed", "Campaign 7", 1500, "checked")).containsExactly(
        ID_VALUE + "  Completed   Campaign 7",
        "      1,500  checked");
    assertThat(narrow.header()).containsExactly(
        "ID                                    STATUS",
        "       ROWS  NAME                  NOTE");
    assertThat(narrow.rows(ID_VALUE, "Completed", "Campaign 7", 1500, "checked")).containsExactly(
        ID_VALUE + "  Completed",
        "      1,500  Campaign 7            checked");
  }

  @Test
  void theChosenLayoutsFlexibleColumnsNarrowToTheWidth() {
    // when: 2 + 9 + 20 + 30 and two gaps need 65 columns; the note gives up 10
    Listing narrow = LISTING.fittedTo(55);

    // then
    assertThat(narrow.rows(ID_VALUE, "Failed", "A campaign with a long name", 7, "a note longer than its column"))
        .containsExactly(
            ID_VALUE + "  Failed",
            "          7  A campaign with a l…  a note longer than…");
  }

  @Test
  void aLineWithNothingInItIsLeftOut() {
    assertThat(LISTING.fittedTo(100).rows(ID_VALUE, "Completed", null, null, null))
        .containsExactly(ID_VALUE + "  Completed");
  }

  @Test
  void aNarrowerLayoutMustHoldEveryColumnOnce() {
    Listing listing = Listing.of(TextTable.of(ID, STATUS));

    assertThatThrownBy(() -> listing.orNarrower(TextTable.of(ID))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> listing.orNarrower(TextTable.of(ID, STATUS, STATUS)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
