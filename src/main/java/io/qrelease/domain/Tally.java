package io.qrelease.domain;

import java.util.Optional;

/**
 * The accounting of one action, from sources that do not depend on each other: the rows the
 * input was checked to have, the rows the committed chunks consumed, and what the writer and
 * the audit table recorded. Nothing is lost when every row was read, every row gave at least one
 * entity, and every entity was audited once or collapsed into an earlier duplicate.
 *
 * @param inputRows the rows the input has, or -1 when it is not a file counted beforehand
 */
public record Tally(long inputRows, long rowsRead, long entities, long audited, long duplicates) {

  public Optional<String> imbalance() {
    if (inputRows >= 0 && rowsRead != inputRows) {
      return Optional.of("the input has " + inputRows + " rows but " + rowsRead + " were read");
    }
    if (entities != audited + duplicates) {
      return Optional.of(entities + " entities were requested but " + audited + " were audited and "
          + duplicates + " collapsed as duplicates");
    }
    if (entities < rowsRead) {
      return Optional.of(rowsRead + " rows were read but they gave only " + entities + " entities");
    }
    return Optional.empty();
  }
}
