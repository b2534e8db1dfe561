package io.qrelease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

  @ParameterizedTest(name = "scope [{0}] covers {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "*                            | anyone@fabrikam.com      | true",
      "contoso.com                  | user@contoso.com         | true",
      "contoso.com                  | User@Contoso.COM         | true",
      "' Contoso.com '              | user@contoso.com         | true",
      "contoso.com                  | user@eu.contoso.com      | false",
      "contoso.com                  | user@notcontoso.com      | false",
      "contoso.com                  | user@contoso.com.evil.io | false",
      "contoso.com;ceo@fabrikam.com | ceo@fabrikam.com         | true",
      "contoso.com;ceo@fabrikam.com | cfo@fabrikam.com         | false",
      "CEO@fabrikam.com             | ceo@fabrikam.com         | true",
      "ceo@fabrikam.com             | xceo@fabrikam.com        | false"})
  void aScopeCoversAnyoneForStarItsExactDomainsAndItsAddresses(String entries, String recipient, boolean covered) {
    // given
    Scope scope = new Scope(List.of(entries.split(";")));

    // when / then
    assertThat(scope.covers(recipient)).isEqualTo(covered);
  }
}
