package io.qrelease.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DelimiterTest {

  static Stream<Arguments> startsOfFiles() {
    return Stream.of(
        Arguments.of("a comma-separated header", "NetworkMessageId,RecipientEmailAddress\nm1,a@contoso.com\n", ','),
        Arguments.of("a semicolon-separated header", "NetworkMessageId;RecipientEmailAddress;Subject\r\n", ';'),
        Arguments.of("a tab-separated header", "NetworkMessageId\tRecipientEmailAddress\n", '\t'),
        Arguments.of("quoted names", "\"Identity\";\"RecipientAddress\";\"Subject\"\r\n", ';'),
        Arguments.of("delimiters inside quotes not counted", "\"Date (UTC), local\";\"a,b\";Recipients\n", ';'),
        Arguments.of("as many semicolons as commas", "NetworkMessageId,Recipient;Address\n", ','),
        Arguments.of("a single column", "NetworkMessageId\nm1\n", ','),
        Arguments.of("no header at all", "", ','),
        Arguments.of("an Excel sep line", "sep=;\nNetworkMessageId,RecipientEmailAddress\n", ';'),
        Arguments.of("a sep line in capitals, CRLF", "SEP=;\r\nNetworkMessageId;RecipientEmailAddress\r\n", ';'),
        Arguments.of("a sep line naming a tab", "sep=\t\r\nNetworkMessageId\tRecipientEmailAddress\r\n", '\t'),
        Arguments.of("a sep line naming another character", "sep=|\nNetworkMessageId|RecipientEmailAddress\n", '|'),
        Arguments.of("a PowerShell #TYPE line with commas in its type name",
            "#TYPE System.Collections.Generic.List`1[[System.String, mscorlib]]\r\n\"Identity\";\"RecipientAddress\"\r\n",
            ';'),
        Arguments.of("blank lines and empty spreadsheet rows first", "\n  \n;;;\n\"\";\"\"\nIdentity;RecipientAddress\n", ';'));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startsOfFiles")
  void isNamedByASepLineElseTheMostFrequentCandidateOnTheHeaderElseAComma(String file, String start, char delimiter) {
    assertThat(Delimiter.of(start)).isEqualTo(delimiter);
  }
}
