package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityKeyTest {

  /** The definitions the checks were first written as: the hand-written checks must accept exactly the same keys. */
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String ADDRESS_PART = "[^@\\s;,<>\"\\p{Cntrl}\uFFFD]+";
  private static final Pattern ADDRESS = Pattern.compile(ADDRESS_PART + "@" + ADDRESS_PART + "\\." + ADDRESS_PART);
  private static final int MAX_ADDRESS_LENGTH = 320;

  private static final long SEED = 20_261_126L;
  private static final int TRIALS = 100_000;
  /**
   * What generated keys are made of: what a GUID or an address holds, white space and the characters the address
   * definition excludes, characters next to those it excludes (C1 controls, no-break space), non-ASCII letters (one
   * that lower-cases to two characters, one that lower-cases to ASCII) and a character outside the BMP.
   */
  private static final List<String> PIECES = List.of("0", "7", "9", "a", "f", "A", "F", "g", "z", "Z", "_", "+", "-",
      "@", ".", " ", "\t", "\n", "\u000B", "\f", "\r", ";", ",", "<", ">", "\"", "\u0000", "\u001F", "\u007F",
      "\u0085", "\u00A0", "\uFFFD", "é", "ß", "Σ", "\u0130", "\u212A", "\uD83D\uDE00");

  @ParameterizedTest(name = "''{0}'' is a network message id: {1}")
  @CsvSource(delimiter = '|', value = {
      "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab     | true",
      "5F0C6A1E-2B7D-4C3E-9A8F-0123456789AB     | true",
      "' 5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab ' | true",
      "{5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab}   | false",
      "5f0c6a1e2b7d4c3e9a8f0123456789ab         | false",
      "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ag     | false",
      "<abc@contoso.com>                        | false",
      "''                                       | false"})
  void aMessageIdIsAGuidInAnyCase(String value, boolean isMessageId) {
    assertThat(EntityKey.isMessageId(value)).isEqualTo(isMessageId);
  }

  @ParameterizedTest(name = "''{0}'' is an address: {1}")
  @CsvSource(delimiter = '|', value = {
      "user@contoso.com                  | true",
      "First.Last+tag@sub.Contoso.com    | true",
      "' user@contoso.com '              | true",
      "user                              | false",
      "user@contoso                      | false",
      "@contoso.com                      | false",
      "user@@contoso.com                 | false",
      "us er@contoso.com                 | false",
      "a@x.com;b@y.com                   | false",
      "a@x.com,b@y.com                   | false",
      "<user@contoso.com>                | false",
      "josé@contoso.com                  | true",
      "dave@cont\uFFFD\uFFFDoso.com        | false",
      "dave@cont\u0000oso.com             | false",
      "dave\u001B@contoso.com             | false",
      "''                                | false"})
  void anAddressIsOneLocalPartAtADottedDomain(String value, boolean isAddress) {
    assertThat(EntityKey.isAddress(value)).isEqualTo(isAddress);
  }

  @Test
  void anAddressLongerThanRfc5321AllowsIsNoAddress() {
    String longest = "a".repeat(64) + "@" + "b".repeat(251) + ".com";

    assertThat(EntityKey.isAddress(longest)).isTrue();
    assertThat(EntityKey.isAddress("a" + longest)).isFalse();
  }

  @Test
  void aKeyIsTrimmedAndLowerCasedSoExportsInAnyCaseMeetTheSameCopy() {
    assertThat(new EntityKey(" 5F0C6A1E-2B7D-4C3E-9A8F-0123456789AB ", " User@Contoso.com "))
        .isEqualTo(new EntityKey("5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab", "user@contoso.com"));
  }

  @ParameterizedTest(name = "message ''{0}'' for ''{1}'' is well formed: {2}")
  @CsvSource(delimiter = '|', value = {
      "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab | user@contoso.com | true",
      "not-a-guid                           | user@contoso.com | false",
      "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab | user             | false",
      "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab | ''               | false"})
  void aKeyIsWellFormedWhenBothHalvesAre(String message, String recipient, boolean wellFormed) {
    assertThat(new EntityKey(message, recipient).wellFormed()).isEqualTo(wellFormed);
  }

  @Test
  void theChecksAcceptExactlyTheKeysTheirDefinitionsDo() {
    // given
    Random random = new Random(SEED);
    int messageIds = 0;
    int addresses = 0;

    for (int trial = 0; trial < TRIALS; trial++) {
      String value = mutated(random, switch (random.nextInt(3)) {
        case 0 -> guid(random);
        case 1 -> address(random);
        default -> pieces(random, random.nextInt(40));
      });
      String normalized = EntityKey.normalize(value);
      boolean isMessageId = GUID.matcher(normalized).matches();
      boolean isAddress = normalized.length() <= MAX_ADDRESS_LENGTH && ADDRESS.matcher(normalized).matches();

      // when, then
      assertThat(EntityKey.isMessageId(value)).as("trial %d: '%s'", trial, value).isEqualTo(isMessageId);
      assertThat(EntityKey.isAddress(value)).as("trial %d: '%s'", trial, value).isEqualTo(isAddress);
      messageIds += isMessageId ? 1 : 0;
      addresses += isAddress ? 1 : 0;
    }
    assertThat(messageIds).as("message ids among the keys").isGreaterThan(TRIALS / 20);
    assertThat(addresses).as("addresses among the keys").isGreaterThan(TRIALS / 20);
  }

  private static String guid(Random random) {
    String guid = new UUID(random.nextLong(), random.nextLong()).toString();
    return random.nextBoolean() ? guid : guid.toUpperCase(Locale.ROOT);
  }

  /** A dotted address, often of 318 to 322 characters to straddle the length limit. */
  private static String address(Random random) {
    String domain = word(random) + "." + word(random) + (random.nextBoolean() ? "" : "." + word(random));
    int length = random.nextBoolean() ? MAX_ADDRESS_LENGTH - 2 + random.nextInt(5) : 0;
    String local = word(random);
    local = local + "x".repeat(Math.max(0, length - local.length() - 1 - domain.length()));
    return local + "@" + domain;
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    for (int letters = 1 + random.nextInt(8); letters > 0; letters--) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static String pieces(Random random, int count) {
    StringBuilder pieces = new StringBuilder();
    for (int i = 0; i < count; i++) {
      pieces.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return pieces.toString();
  }

  /** The key as it is in half the trials; else with up to three characters replaced, inserted or dropped. */
  private static String mutated(Random random, String key) {
    StringBuilder mutated = new StringBuilder(key);
    for (int mutations = random.nextBoolean() ? 0 : 1 + random.nextInt(3); mutations > 0; mutations--) {
      int at = random.nextInt(mutated.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> mutated.insert(at, pieces(random, 1));
        case 1 -> mutated.replace(at, Math.min(at + 1, mutated.length()), pieces(random, 1));
        default -> mutated.delete(at, Math.min(at + 1, mutated.length()));
      }
    }
    return switch (random.nextInt(4)) {
      case 0 -> " " + mutated + "\t";
      case 1 -> mutated.toString().toUpperCase(Locale.ROOT);
      default -> mutated.toString();
    };
  }
}
