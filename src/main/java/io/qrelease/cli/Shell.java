package io.qrelease.cli;

import java.util.regex.Pattern;

/** Commands printed for a person to paste into a shell, with each word as the shell must see it. */
final class Shell {

  /** Words of these characters mean the same to every shell unquoted; anything else is quoted. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@=,+-]+");

  private Shell() {
  }

  /** The word unchanged when it needs no quotes, else in single quotes, which keep every character but a quote. */
  static String quote(Object word) {
    String text = word.toString();
    return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
