package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowCountTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {"10000|10000", "10_000|10000", "10,000|10000", "1,000,000|1000000",
      "10k|10000", "10K|10000", "1m|1000000", "2 M|2000000", "' 7 '|7", "9223372036854k|9223372036854000"})
  void digitsGroupedOrNotAndThousandOrMillionSuffixesAreRead(String text, long rows) {
    assertThat(RowCount.parse(text)).isEqualTo(rows);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "0", "0k", "000", "-5", "10x", "1.5k", "10 thousand", "1,0000", "10__000", "_10",
      "10,00", "9223372036854776k", "9999999999999999999"})
  void anythingElseIsRefusedListingTheForms(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> RowCount.parse(text))
        .withMessage("'" + text + "' is not a positive number of rows such as 50000, 50_000, 50,000, 50k or 1m");
  }
}
