package io.qrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountTest {

  @Test
  void aCountIsGroupedWithCommasWhateverTheMachinesLocale() {
    Locale machine = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);

      assertThat(Count.of(157445)).isEqualTo("157,445");
      assertThat(Count.of(1_000_000)).isEqualTo("1,000,000");
      assertThat(Count.of(999)).isEqualTo("999");
    } finally {
      Locale.setDefault(machine);
    }
  }
}
