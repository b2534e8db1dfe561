package io.qrelease.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/** Skips whole lines of a stream as raw bytes: a newline byte is a newline in UTF-8 whatever surrounds it. */
final class LineSkip {

  private LineSkip() {
  }

  /** The stream positioned just after its first {@code lines} newlines. */
  static InputStream past(InputStream in, long lines) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = lines;
    while (left > 0) {
      int read = in.read(buffer);
      if (read < 0) {
        return in;
      }
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n' && --left == 0) {
          return new SequenceInputStream(new ByteArrayInputStream(buffer, i + 1, read - i - 1), in);
        }
      }
    }
    return in;
  }
}
