package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant file that connects to Microsoft 365: validate says how, and a secret written into the
 * file reaches no output, log or table.
 */
class Microsoft365TenantFunctionalTest {

  private static final String SECRET = "Qx8~hunter2.Secret-Value";
  private static final String CONNECTION = """
      microsoft365:
        tenantId: 6babcaad-604b-40ac-a9d7-9fd97c0b779f
        clientId: 2f5e1a3c-0d7b-4c55-9a8e-61c2c7e0b0d4
        clientSecret: %s
      """;

  @TempDir
  Path folder;

  private Workbench bench;

  @BeforeEach
  void importTheSampleQuarantine() {
    bench = new Workbench(folder);
    CommandRun imported = bench.run("import", "samples/quarantine-export.csv");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
  }

  @Test
  void validateNamesTheTenantTheAppAndTheVariableHoldingItsSecretAndSaysWhenThatVariableIsNotSet() {
    // given
    Path tenant = bench.write("tenant.yml", Workbench.TENANT + CONNECTION.formatted("${QRELEASE_SECRET_NOT_SET_HERE}"));

    // when
    CommandRun run = bench.run("validate", tenant.toString());

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(tenant + " is a tenant file, and valid: 3 operators; accepted domains contoso.com;"
        + " connects to Microsoft 365 tenant 6babcaad-604b-40ac-a9d7-9fd97c0b779f as app"
        + " 2f5e1a3c-0d7b-4c55-9a8e-61c2c7e0b0d4 with its client secret in $QRELEASE_SECRET_NOT_SET_HERE, through"
        + " https://login.microsoftonline.com, https://graph.microsoft.com and https://outlook.office365.com.\n");
    assertThat(run.err()).isEqualTo(tenant + ": microsoft365.clientSecret names the environment variable"
        + " QRELEASE_SECRET_NOT_SET_HERE, which is not set here; set it where qrelease runs.\n");
  }

  @Test
  void aSecretWrittenIntoTheTenantFileReachesNoOutputLogOrTable() throws IOException {
    // given
    bench.write("tenant.yml", Workbench.TENANT + CONNECTION.formatted("\"" + SECRET + "\""));

    // when
    CommandRun validate = bench.run("validate", folder.resolve("tenant.yml").toString());
    CommandRun release = bench.run("release", "samples/hunting-export.csv", "--operator", "analyst@contoso.com");
    CommandRun preview = bench.run("release", "samples/hunting-export.csv", "--operator", "analyst@contoso.com",
        "--dry-run", "--summary-json", folder.resolve("summary.json").toString());
    CommandRun actions = bench.run("actions", "--json");

    // then
    for (CommandRun run : new CommandRun[] {validate, release, preview, actions}) {
      assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(SECRET);
    }
    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(release.exitCode()).isEqualTo(2);
    assertThat(preview.exitCode()).isEqualTo(2);
    try (Stream<Path> files = Files.walk(folder.resolve("db"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString()).doesNotContain(SECRET);
      }
    }
  }
}
