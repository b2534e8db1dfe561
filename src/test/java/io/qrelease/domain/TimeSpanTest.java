package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSpanTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"45s, PT45S", "90m, PT1H30M", "24h, PT24H", "7d, PT168H", "2w, PT336H", "' 36 H ', PT36H", "999999w, PT167999832H"})
  void minutesHoursDaysAndWeeksAreReadIgnoringCaseAndSpaces(String text, Duration span) {
    assertThat(TimeSpan.parse(text)).isEqualTo(span);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "2y", "0d", "7", "d", "-1h", "1.5h", "1000000w", "a week"})
  void anythingElseIsRefusedListingTheForms(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> TimeSpan.parse(text))
        .withMessage("'" + text + "' is not a time span such as 90m, 24h, 7d or 2w");
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({"PT720H, 30d", "PT48H, 2d", "PT36H, 36h", "PT90M, 90m", "PT45S, 45s"})
  void aSpanIsWrittenInTheLargestUnitThatShowsItWhole(Duration span, String text) {
    assertThat(TimeSpan.text(span)).isEqualTo(text);
  }
}
