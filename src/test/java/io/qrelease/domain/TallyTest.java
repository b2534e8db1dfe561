package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TallyTest {

  @ParameterizedTest(name = "{5}")
  @CsvSource(delimiter = '|', textBlock = """
      # input rows | read | entities | audited | duplicates | case                                               | balances
      100          | 100  | 100      | 100     | 0          | every row one entity, every entity audited         | true
      100          | 100  | 100      | 97      | 3          | duplicates collapsed into earlier entities         | true
      100          | 100  | 130      | 120     | 10         | rows that stand for several recipients             | true
      -1           | 1    | 2        | 2       | 0          | one message, not a counted file                    | true
      100          | 99   | 99       | 99      | 0          | a row of the file was never read                   | false
      100          | 100  | 100      | 99      | 0          | an entity was neither audited nor a duplicate      | false
      100          | 100  | 100      | 100     | 1          | a duplicate was also audited                       | false
      100          | 100  | 99       | 99      | 0          | a row gave no entity at all                        | false
      """)
  void anActionBalancesOnlyWhenEveryRowAndEveryEntityIsAccountedFor(long inputRows, long rowsRead, long entities,
      long audited, long duplicates, String description, boolean balances) {
    assertThat(new Tally(inputRows, rowsRead, entities, audited, duplicates).imbalance().isEmpty())
        .as(description).isEqualTo(balances);
  }
}
