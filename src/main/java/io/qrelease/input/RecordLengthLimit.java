package io.qrelease.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a record (a line, or the lines a quoted field spans) longer than a CSV export ever writes, before it is
 * held in memory: a file of random bytes or a runaway quoted field could otherwise fill the heap, and the parser,
 * which joins a record's lines one at a time, would take minutes over a few of them. A record ends at a line break
 * outside quotes; like the parser, every quote opens or closes a quoted stretch, so an escaped quote ("") opens and
 * closes one.
 */
final class RecordLengthLimit extends FilterReader {

  static final int MAX_RECORD_CHARS = 1 << 20;

  private final String fileName;
  private long line = 1;
  private long recordLine = 1;
  private int length;
  private boolean quoted;

  RecordLengthLimit(Reader in, String fileName) {
    super(in);
    this.fileName = fileName;
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    return read(one, 0, 1) <= 0 ? -1 : one[0];
  }

  /** Walks what it reads with its state in local variables: this loop runs for every character of a file. */
  @Override
  public int read(char[] buffer, int offset, int count) throws IOException {
    int read = super.read(buffer, offset, count);
    boolean inQuotes = quoted;
    int recordLength = length;
    long lines = line;
    for (int i = offset; i < offset + read; i++) {
      char c = buffer[i];
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == '\n') {
        lines++;
        if (!inQuotes) {
          recordLine = lines;
          recordLength = 0;
          continue;
        }
      }
      if (++recordLength > MAX_RECORD_CHARS) {
        throw new InputRefusedException(fileName + " has a record starting on line " + recordLine + " longer than "
            + (MAX_RECORD_CHARS >> 20) + " MiB, which no export writes; check its quotes, or that it is the CSV"
            + " export, and run again.");
      }
    }
    quoted = inQuotes;
    length = recordLength;
    line = lines;
    return read;
  }
}
