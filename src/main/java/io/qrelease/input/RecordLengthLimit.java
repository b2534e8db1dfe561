package io.qrelease.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a physical line longer than a CSV export ever writes, before it is held in memory: a
 * file of random bytes or a runaway field could otherwise fill the heap with one line.
 */
final class LineLengthLimit extends FilterReader {

  static final int MAX_LINE_CHARS = 1 << 20;

  private final String fileName;
  private long line = 1;
  private int length;

  LineLengthLimit(Reader in, String fileName) {
    super(in);
    this.fileName = fileName;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int count) throws IOException {
    int read = super.read(buffer, offset, count);
    for (int i = offset; i < offset + read; i++) {
      count(buffer[i]);
    }
    return read;
  }

  private void count(char c) {
    if (c == '\n') {
      line++;
      length = 0;
    } else if (++length > MAX_LINE_CHARS) {
      throw new InputRefusedException(fileName + " has a line " + line + " longer than " + (MAX_LINE_CHARS >> 20)
          + " MiB, which no export writes; check that it is the CSV export and run again.");
    }
  }
}
