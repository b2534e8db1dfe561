package io.qrelease.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.springframework.jdbc.core.PreparedStatementSetter;

/** Reading and binding the column types the store shares: every instant is microseconds since the epoch. */
public final class Columns {

  private Columns() {
  }

  /** The value that stands for this instant in a column, for a query that compares one. */
  public static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, micros(instant));
    }
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    long micros = rows.getLong(column);
    return rows.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** Binds strings as one array parameter, for a query that takes a chunk's ids through {@code UNNEST(?)}. */
  static PreparedStatementSetter strings(Collection<String> values) {
    return statement -> statement.setArray(1, statement.getConnection().createArrayOf("VARCHAR", values.toArray()));
  }

  /**
   * Binds an optional filter written as {@code (CAST(? AS ...) IS NULL OR column = ?)}: one SQL
   * text serves every combination of filters, and every value stays a parameter.
   *
   * @return the index of the next parameter
   */
  static int setFilter(PreparedStatement statement, int index, String value) throws SQLException {
    statement.setString(index, value);
    statement.setString(index + 1, value);
    return index + 2;
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  /** Invalid input rows are audited with their raw values, which may be longer than any real id. */
  static String fit(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }
}
