package io.qrelease.cli;

import static io.qrelease.cli.QuarantinedMail.ANALYST;
import static io.qrelease.cli.QuarantinedMail.INVOICE;
import static io.qrelease.cli.QuarantinedMail.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scope domain that is not one of the tenant's accepted domains is most likely misspelt: every
 * command that reads the tenant file warns of it, and goes on.
 */
class AcceptedDomainsFunctionalTest {

  static final String MISSPELT = """
      acceptedDomains: [contoso.com, contoso.onmicrosoft.com]
      operators:
        - upn: analyst@contoso.com
          role: SecurityOperator
          scope: [contoso.con, ceo@fabrikam.com]
        - upn: secops-admin@contoso.com
          role: SecurityAdministrator
          scope: ["*"]
      """;

  @TempDir
  Path folder;
  Workbench bench;
  Path tenant;
  String warning;

  @BeforeEach
  void tenantWithAMisspeltScopeDomain() {
    bench = QuarantinedMail.imported(folder);
    tenant = bench.write("tenant.yml", MISSPELT);
    warning = tenant + ": analyst@contoso.com's scope names contoso.con, which is not one of the accepted domains"
        + " (contoso.com, contoso.onmicrosoft.com); check its spelling.";
  }

  @Test
  void validateOfTheTenantFileWarnsOfTheDomainAndStillCallsTheFileValid() {
    // when
    CommandRun run = bench.run("validate", tenant.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err().lines().toList()).containsExactly(warning);
    assertThat(run.out()).isEqualTo(tenant + " is a tenant file, and valid: 2 operators; accepted domains contoso.com,"
        + " contoso.onmicrosoft.com.\n");
  }

  @Test
  void validateOfAJobFileAlsoChecksItsTenantFile() {
    // given
    Path job = bench.write("jobs/rule.yml", """
        operator: analyst@contoso.com
        rule:
          senderDomains: [northwindtraders.com]
        """);

    // when
    CommandRun run = bench.run("validate", job.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err().lines().toList()).containsExactly(warning);
    assertThat(run.out()).startsWith(job + " is valid: ");
  }

  @Test
  void releaseReleaseMessageAndRunWarnOnceAtTheStartAndCarryOn() {
    // given
    Path selection = QuarantinedMail.selection(bench, "selection.csv", row(INVOICE, "alice@contoso.com"));
    Path job = bench.write("jobs/inputs.yml", "operator: analyst@contoso.com\ndryRun: true\ninput: "
        + selection + "\n");

    // when
    CommandRun release = bench.run("release", selection.toString(), "--operator", ANALYST, "--dry-run");
    CommandRun message = bench.run("release-message", INVOICE, "--operator", ANALYST, "--dry-run");
    CommandRun run = bench.run("run", job.toString());

    // then: the misspelt domain leaves alice out of the analyst's scope, as the warning says it may
    for (CommandRun command : new CommandRun[] {release, message, run}) {
      assertThat(command.exitCode()).as(command.toString()).isZero();
      assertThat(command.err().lines().toList()).as(command.toString()).containsExactly(warning);
      assertThat(command.out()).as(command.toString()).contains("OutOfScope 1");
    }
  }

  @Test
  void aSubdomainOfAnAcceptedDomainOrAPartnersAddressIsNotWarnedOfNorIsAnyDomainWithoutAcceptedDomains() {
    // given
    bench.write("tenant.yml", MISSPELT.replace("contoso.con,", "eu.contoso.com,"));
    Path withoutAccepted = bench.write("jobs/tenant.yml", MISSPELT.replace(
        "acceptedDomains: [contoso.com, contoso.onmicrosoft.com]\n", ""));

    // when
    CommandRun subdomain = bench.run("validate", tenant.toString());
    CommandRun unchecked = bench.run("validate", withoutAccepted.toString());

    // then
    assertThat(subdomain.exitCode()).as(subdomain.toString()).isZero();
    assertThat(subdomain.err()).isEmpty();
    assertThat(unchecked.exitCode()).as(unchecked.toString()).isZero();
    assertThat(unchecked.err()).isEmpty();
    assertThat(unchecked.out()).isEqualTo(withoutAccepted + " is a tenant file, and valid: 2 operators; no accepted"
        + " domains, so scope domains are not checked against them.\n");
  }
}
