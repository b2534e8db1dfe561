package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityKeyTest {

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
}
