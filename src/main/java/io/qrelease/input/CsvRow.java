package io.qrelease.input;

/**
 * One data record and the physical (1-based) line of the file it starts on, so that a reject or
 * an audit row can point the user at the line to look at, even after multi-line quoted fields.
 * The cells are the parser's own array, handed over without a copy to keep million-row files
 * cheap; read them through {@link Header#value(CsvRow, Column)}.
 */
public record CsvRow(long lineNumber, String[] cells) {}
