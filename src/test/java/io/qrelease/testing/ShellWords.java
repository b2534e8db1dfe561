package io.qrelease.testing;

import java.util.ArrayList;
import java.util.List;

/** A command line split into words as a POSIX shell splits one quoted with single quotes and backslashes. */
public final class ShellWords {

  private ShellWords() {
  }

  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    boolean escaped = false;
    for (char c : line.toCharArray()) {
      if (escaped) {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
        escaped = false;
      } else if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '\\') {
        escaped = true;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quoted || escaped) {
      throw new IllegalArgumentException("an unfinished quote in " + line);
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
