package io.qrelease.tenant;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A tenant or job file that is not YAML, told in words about that file. The parser speaks of block
 * ends, simple keys and flow sequences, and often marks the end of the file, past the line where
 * the mistake is; this names the line to fix (where an unclosed quote or bracket opens) and what
 * to change there.
 *
 * @param line 1-based, and always a line of the file
 */
public record YamlProblem(int line, String message) {

  private static final String INDENTATION = "the indentation of this line does not match the lines above;"
      + " line it up with the keys it belongs with, using spaces.";
  private static final Pattern STRAY_CHARACTER = Pattern.compile("found character '(.+?)' that cannot start any token");

  public static YamlProblem of(YAMLException error, String text) {
    List<String> lines = text.lines().toList();
    if (error instanceof ReaderException control) {
      return at(lines, lineOf(text, control.getPosition()), "this line holds a control character, which YAML does not"
          + " allow; remove it.");
    }
    if (!(error instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
      return at(lines, 1, "the file cannot be read as plain YAML; write plain keys, values and lists, as the README"
          + " shows.");
    }
    String context = String.valueOf(marked.getContext());
    String problem = String.valueOf(marked.getProblem());
    Mark mark = marked.getProblemMark();
    int line = mark.getLine() + 1;
    int opening = marked.getContextMark() == null ? line : marked.getContextMark().getLine() + 1;
    String lineText = line <= lines.size() ? lines.get(line - 1) : "";
    Matcher stray = STRAY_CHARACTER.matcher(problem);
    if (context.contains("quoted scalar") && problem.contains("unexpected end")) {
      return at(lines, opening, "a quote opened here is never closed; close it.");
    }
    if (context.contains("double-quoted scalar")) {
      return at(lines, line, "a backslash inside double quotes starts an escape; quote the value with ' instead, or"
          + " write the backslash twice.");
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      String brackets = context.contains("sequence") ? "[ ]" : "{ }";
      return at(lines, opening, "the " + brackets.charAt(0) + " opened here is not closed by " + brackets.charAt(2)
          + " where it should be; close it, and separate its entries with commas.");
    }
    if (context.contains("simple key")) {
      return at(lines, opening, "this line has no ':' after its key; write it as key: value, or indent it under the"
          + " key it continues.");
    }
    if (context.contains("alias") || context.contains("anchor") || problem.contains("alias")) {
      return at(lines, line, "a value starting with * or & must be quoted, e.g. \"*/15 * * * *\" or [\"*\"].");
    }
    if (stray.find()) {
      return at(lines, line, stray.group(1).contains("TAB") ? "this line is indented with a tab; indent with spaces."
          : "a value cannot start with " + stray.group(1) + "; put it in quotes.");
    }
    if (problem.contains("mapping values are not allowed")) {
      // The colon the parser stopped at is the line's first: the line is a key where none can be.
      return at(lines, line, mark.getColumn() == column(lineText, lineText.indexOf(':')) ? INDENTATION
          : "a value containing ': ' must be quoted; put the whole value in quotes.");
    }
    if (problem.startsWith("expected <block end>")) {
      boolean afterText = problem.contains("<scalar>") && mark.getColumn() > column(lineText, indentation(lineText));
      return at(lines, line, afterText ? "text follows a quoted value; put the whole value in quotes." : INDENTATION);
    }
    if (problem.contains("tag")) {
      return at(lines, line, "a tag (a word starting with !) is not allowed in this file; remove it.");
    }
    return at(lines, line, "this line is not valid YAML; check its indentation, the ':' after its key and its quotes.");
  }

  /** A mark past the last line (the end of the file) is reported at the last line, which the reader can find. */
  private static YamlProblem at(List<String> lines, int line, String message) {
    return new YamlProblem(Math.max(1, Math.min(line, lines.size())), message);
  }

  private static int lineOf(String text, int codePoint) {
    int end = text.offsetByCodePoints(0, Math.min(codePoint, text.codePointCount(0, text.length())));
    return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The parser counts columns in code points. */
  private static int column(String line, int index) {
    return index < 0 ? -1 : line.codePointCount(0, index);
  }

  private static int indentation(String line) {
    return line.length() - line.stripLeading().length();
  }
}
