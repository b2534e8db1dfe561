package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnePassParserTest {

  /** Every delimiter: in a line split on one of them, the others are ordinary characters. */
  private static final String[] PIECES = {"a", "b c", " ", ",", ";", "\t", "\"", "\"\"", "x@contoso.com", "Invoice 7",
      ""};

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "a"                   | a
      "a",b                 | a;b
      a,"b, c"              | a;b, c
      "a",                  | a;
      ""                    | ''
      "",""                 | ;
      x,"",y                | x;;y
      "Invoice 0, overdue"  | Invoice 0, overdue
      """)
  void splitsALineOfWholeFieldsInOnePass(String line, String cells) {
    assertThat(OnePassParser.wholeFields(line, ',')).containsExactly(cells.split(";", -1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "a";b                 | a/b
      a;"b; c"              | a/b; c
      "a, b";"c"            | a, b/c
      "";x;""               | /x/
      """)
  void splitsASemicolonSeparatedLineOfWholeFieldsInOnePass(String line, String cells) {
    assertThat(OnePassParser.wholeFields(line, ';')).containsExactly(cells.split("/", -1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no quotes at all", "\"opens a field that goes on", "\"a\"\"b\"", "\"a\" ,b", "a\"b,c",
      " \"a\",b", "\"a\"b,c", "x,\"", "x,\"a\"\""})
  void leavesEveryOtherLineToTheRfc4180Parser(String line) {
    assertThat(OnePassParser.wholeFields(line, ',')).isNull();
  }

  @ParameterizedTest(name = "delimiter {0}, seed {1}")
  @MethodSource("delimitersAndSeeds")
  void givesTheCellsAndThePendingRecordsOfTheRfc4180ParserLineByLine(String delimiter, long seed) throws IOException {
    // given: lines made of every kind of field, quote and delimiter, some of them opening a
    // record that goes on over the next lines
    Random random = new Random(seed);
    OnePassParser onePass = new OnePassParser(delimiter.charAt(0));
    RFC4180Parser rfc4180 = new RFC4180ParserBuilder().withSeparator(delimiter.charAt(0)).build();

    for (int i = 0; i < 20_000; i++) {
      String line = line(random, delimiter);

      // when
      String[] expected = rfc4180.parseLineMulti(line);
      String[] actual = onePass.parseLineMulti(line);

      // then
      assertThat(actual).as("line %d: %s", i, line).containsExactly(expected);
      assertThat(onePass.isPending()).as("line %d: %s", i, line).isEqualTo(rfc4180.isPending());
      assertThat(onePass.getPendingText()).isEqualTo(rfc4180.getPendingText());
    }
  }

  static Stream<Arguments> delimitersAndSeeds() {
    return Stream.of(",", ";", "\t").flatMap(delimiter -> LongStream.rangeClosed(1, 5)
        .mapToObj(seed -> Arguments.of(delimiter, seed)));
  }

  private static String line(Random random, String delimiter) {
    List<String> fields = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int f = 0; f < count; f++) {
      StringBuilder field = new StringBuilder();
      int pieces = random.nextInt(4);
      for (int p = 0; p < pieces; p++) {
        String piece = PIECES[random.nextInt(PIECES.length)];
        // Most exports quote whole fields; keep those common so both paths get exercised.
        field.append(random.nextInt(3) == 0 ? piece : piece.replace("\"", "").replace(delimiter, ""));
      }
      boolean quoted = random.nextBoolean();
      fields.add(quoted ? "\"" + field.toString().replace("\"", random.nextInt(4) == 0 ? "\"" : "\"\"") + "\""
          : field.toString());
    }
    return String.join(delimiter, fields);
  }
}
