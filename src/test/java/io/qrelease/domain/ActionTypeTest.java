package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionTypeTest {

  @ParameterizedTest(name = "--action {0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "move-to-inbox | MoveToInbox",
      "Move-To-Inbox | MoveToInbox",
      "MoveToInbox   | MoveToInbox",
      "release       | Release",
      "RELEASE       | Release"})
  void anActionIsNamedByItsOptionOrItsName(String option, ActionType action) {
    assertThat(ActionType.fromOption(option)).isEqualTo(action);
  }

  @ParameterizedTest(name = "--action ''{0}'' is refused, listing the actions")
  @NullAndEmptySource
  @ValueSource(strings = {"delete", "move to inbox"})
  void anUnknownActionIsRefusedListingTheValidOnes(String option) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ActionType.fromOption(option))
        .withMessageContaining("move-to-inbox, release");
  }
}
