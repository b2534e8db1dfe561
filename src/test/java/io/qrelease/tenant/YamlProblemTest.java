package io.qrelease.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

class YamlProblemTest {

  static final String INDENTATION = "the indentation of this line does not match the lines above; line it up with"
      + " the keys it belongs with, using spaces.";

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("a quote never closed", "name: x\nschedule: \"30 2 * * *\ninput: x.csv\n", 2,
            "a quote opened here is never closed; close it."),
        Arguments.of("a single quote never closed", "name: 'x\n", 1, "a quote opened here is never closed; close it."),
        Arguments.of("a key indented deeper", "name: x\n  input: x.csv\n", 2, INDENTATION),
        Arguments.of("a key indented shallower", "a:\n  b: c\n d: e\n", 3, INDENTATION),
        Arguments.of("a list entry beside a key", "name: x\n- a\n", 2, INDENTATION),
        Arguments.of("a line continuing a value after a comment", "name: x # a comment\n  more\n", 2, INDENTATION),
        Arguments.of("a value holding ': '", "description: Note: this\n", 1,
            "a value containing ': ' must be quoted; put the whole value in quotes."),
        Arguments.of("a key without its colon", "name: x\nschedule\ninput: x\n", 2,
            "this line has no ':' after its key; write it as key: value, or indent it under the key it continues."),
        Arguments.of("a tab", "name: x\n\tinput: x\n", 2, "this line is indented with a tab; indent with spaces."),
        Arguments.of("an at sign", "name: x\ninput: @foo\n", 2, "a value cannot start with @; put it in quotes."),
        Arguments.of("an alias", "scope: [*]\n", 1,
            "a value starting with * or & must be quoted, e.g. \"*/15 * * * *\" or [\"*\"]."),
        Arguments.of("a list never closed", "name: x\nrule:\n  senderDomains: [a.com\n", 3,
            "the [ opened here is not closed by ] where it should be; close it, and separate its entries with commas."),
        Arguments.of("a mapping never closed", "name: x\ninput: {a: b\n", 2,
            "the { opened here is not closed by } where it should be; close it, and separate its entries with commas."),
        Arguments.of("a backslash in double quotes", "input: \"C:\\x\"\n", 1, "a backslash inside double quotes starts"
            + " an escape; quote the value with ' instead, or write the backslash twice."),
        Arguments.of("text after a quoted value", "name: 'it''s' x\n", 1,
            "text follows a quoted value; put the whole value in quotes."),
        Arguments.of("a tag", "input: !!java.lang.Object x\n", 1,
            "a tag (a word starting with !) is not allowed in this file; remove it."),
        Arguments.of("a control character", "name: x\nb: y\u0001\n", 2,
            "this line holds a control character, which YAML does not allow; remove it."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aSyntaxErrorIsToldInWordsAboutTheFileAtALineOfIt(String mistake, String text, int line, String message) {
    // given
    YAMLException error = catchThrowableOfType(YAMLException.class,
        () -> new Yaml(new SafeConstructor(new LoaderOptions())).load(text));

    // when
    YamlProblem problem = YamlProblem.of(error, text);

    // then
    assertThat(problem).isEqualTo(new YamlProblem(line, message));
  }
}
