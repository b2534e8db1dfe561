package io.qrelease.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant file's microsoft365 block (SPEC §6.1): read, defaulted and checked, and never holding a secret. */
class Microsoft365Test {

  private static final String OPERATORS = """
      operators:
        - upn: secops-admin@contoso.com
          role: SecurityAdministrator
          scope: ["*"]
      """;
  private static final String TENANT_ID = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
  private static final String CLIENT_ID = "2f5e1a3c-0d7b-4c55-9a8e-61c2c7e0b0d4";
  private static final String LITERAL_SECRET = "Qx8~hunter2.Secret-Value";

  @TempDir
  Path directory;

  @Test
  void aTenantFileWithoutTheBlockActsOnTheStoreOnly() throws IOException {
    assertThat(Tenant.load(write(OPERATORS)).microsoft365()).isEmpty();
  }

  @Test
  void theBlockGivesTheAppAndWhereItsSecretIsWithMicrosoftsEndpointsAndBatchSizesByDefault() throws IOException {
    // given
    Path file = write(block("clientSecret: ${QRELEASE_CLIENT_SECRET}"));

    // when
    Microsoft365 tenant = Tenant.load(file).microsoft365().orElseThrow();

    // then
    assertThat(tenant).isEqualTo(new Microsoft365(TENANT_ID, CLIENT_ID,
        new Microsoft365.ClientSecret("QRELEASE_CLIENT_SECRET"), URI.create("https://login.microsoftonline.com"),
        URI.create("https://graph.microsoft.com"), URI.create("https://outlook.office365.com"), 50_000, 100, 1,
        Duration.ofMinutes(30)));
  }

  @Test
  void everySettingMayBeGivenAndTheGraphAndExchangeUrlsKeepTheirPaths() throws IOException {
    // given
    Path file = write(block("""
        clientSecret: ${APP_SECRET}
          loginUrl: https://localhost:8443/
          graphUrl: https://localhost:8443/graph/
          exchangeUrl: https://localhost:8443/exchange
          remediationBatch: 10_000
          releaseBatch: 20
          maxConcurrentRemediations: 4
          verifyTimeout: 2h"""));

    // when
    Microsoft365 tenant = Tenant.load(file).microsoft365().orElseThrow();

    // then
    assertThat(tenant.loginUrl()).isEqualTo(URI.create("https://localhost:8443"));
    assertThat(tenant.graphUrl()).isEqualTo(URI.create("https://localhost:8443/graph"));
    assertThat(tenant.exchangeUrl()).isEqualTo(URI.create("https://localhost:8443/exchange"));
    assertThat(tenant.remediationBatch()).isEqualTo(10_000);
    assertThat(tenant.releaseBatch()).isEqualTo(20);
    assertThat(tenant.maxConcurrentRemediations()).isEqualTo(4);
    assertThat(tenant.verifyTimeout()).isEqualTo(Duration.ofHours(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {LITERAL_SECRET, "$" + LITERAL_SECRET, "${" + LITERAL_SECRET + "}"})
  void aSecretWrittenIntoTheFileIsRefusedWithoutBeingRepeated(String secret) throws IOException {
    // given
    Path file = write(block("clientSecret: \"" + secret + "\""));

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessage(file + ": microsoft365 has a clientSecret that is not ${VARIABLE}; put the secret in an"
            + " environment variable, write clientSecret: ${THAT_VARIABLE}, and remove the secret from the file.")
        .message().doesNotContain(LITERAL_SECRET);
  }

  @Test
  void aUrlCarryingAPasswordIsRefusedWithoutBeingRepeated() throws IOException {
    // given
    Path file = write(block("clientSecret: ${APP_SECRET}\n  graphUrl: https://proxy:" + LITERAL_SECRET
        + "@proxy.contoso.com/graph"));

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .hasMessageStartingWith(file + ": microsoft365 has a graphUrl qrelease cannot use; give an https:// URL")
        .message().doesNotContain(LITERAL_SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"loginUrl: http://localhost:8080", "loginUrl: https://localhost:8443/common",
      "graphUrl: graph.microsoft.com", "exchangeUrl: https://outlook.office365.com/?tenant=1"})
  void aBaseUrlMustBeHttpsAndTheLoginUrlHasNoPath(String url) throws IOException {
    // given
    Path file = write(block("clientSecret: ${APP_SECRET}\n  " + url));

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .hasMessageContaining("microsoft365 has a " + url.substring(0, url.indexOf(':')) + " qrelease cannot use");
  }

  @Test
  void aCertificateIsAPemFileFoundBesideTheTenantFile() throws IOException {
    // given
    Files.createDirectories(directory.resolve("secrets"));
    Path pem = Files.writeString(directory.resolve("secrets/qrelease.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path file = write(block("certificate: secrets/qrelease.pem"));

    // when
    Microsoft365.Credential credential = Tenant.load(file).microsoft365().orElseThrow().credential();

    // then
    assertThat(credential).isEqualTo(new Microsoft365.Certificate(pem.toAbsolutePath().normalize()));
  }

  @Test
  void aCertificateThatIsNotThereIsRefused() throws IOException {
    // given
    Path file = write(block("certificate: secrets/missing.pem"));

    // when / then
    assertThatThrownBy(() -> Tenant.load(file)).hasMessage(file + ": microsoft365 names certificate "
        + directory.toAbsolutePath().resolve("secrets/missing.pem") + ", which cannot be read; give the PEM file with"
        + " the app's certificate and private key, relative to the tenant file or absolute.");
  }

  @Test
  void aSecretAndACertificateTogetherAreRefused() throws IOException {
    // given
    Files.writeString(directory.resolve("app.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path file = write(block("clientSecret: ${APP_SECRET}\n  certificate: app.pem"));

    // when / then
    assertThatThrownBy(() -> Tenant.load(file)).hasMessage(file + ": microsoft365 has both clientSecret and"
        + " certificate; keep the one the app registration uses.");
  }

  @Test
  void aBlockWithoutACredentialIsRefused() throws IOException {
    assertThatThrownBy(() -> Tenant.load(write(block("verifyTimeout: 30m"))))
        .hasMessageEndingWith("microsoft365 needs clientSecret: ${VARIABLE}, naming the environment variable that"
            + " holds the secret, or certificate: FILE.pem.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"remediationBatch: 50001", "releaseBatch: 0", "maxConcurrentRemediations: 51",
      "releaseBatch: many"})
  void aBatchSizeOutsideWhatTheTenantTakesIsRefused(String setting) throws IOException {
    // given
    Path file = write(block("clientSecret: ${APP_SECRET}\n  " + setting));

    // when / then
    assertThatThrownBy(() -> Tenant.load(file))
        .hasMessageContaining("microsoft365 has " + setting.substring(0, setting.indexOf(':')) + " '")
        .hasMessageContaining("give a whole number from 1 to ");
  }

  @Test
  void aMisspeltKeyIsRefusedNamingTheKeysThere() throws IOException {
    assertThatThrownBy(() -> Tenant.load(write(block("clientSecret: ${APP_SECRET}\n  graphURL: https://x.example"))))
        .hasMessageContaining("unknown key 'graphURL' in microsoft365");
  }

  @Test
  void aTenantIdOrClientIdThatIsNotAGuidIsRefused() throws IOException {
    Path file = write(OPERATORS + "microsoft365:\n  tenantId: contoso\n  clientId: " + CLIENT_ID
        + "\n  clientSecret: ${APP_SECRET}\n");
    assertThatThrownBy(() -> Tenant.load(file)).hasMessageContaining("microsoft365 needs tenantId");
    Path noClient = write(OPERATORS + "microsoft365:\n  tenantId: contoso.onmicrosoft.com\n  clientId: app\n"
        + "  clientSecret: ${APP_SECRET}\n");
    assertThatThrownBy(() -> Tenant.load(noClient)).hasMessageContaining("microsoft365 needs clientId");
  }

  private static String block(String settings) {
    return OPERATORS + "microsoft365:\n  tenantId: " + TENANT_ID + "\n  clientId: " + CLIENT_ID + "\n  " + settings
        + "\n";
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(directory.resolve("tenant.yml"), yaml, StandardCharsets.UTF_8);
  }
}
