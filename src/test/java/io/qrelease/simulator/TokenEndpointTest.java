package io.qrelease.simulator;

import static io.qrelease.simulator.LoopbackTenant.CLIENT_ID;
import static io.qrelease.simulator.LoopbackTenant.TENANT_ID;
import static io.qrelease.simulator.LoopbackTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The token endpoint issues what MSAL4J asks for, one resource a token, and refuses as the identity platform does. */
class TokenEndpointTest extends LoopbackTenantTest {

  @Test
  void msalGetsATokenWithASecretByPostingStraightToTheTokenEndpoint() throws Exception {
    IAuthenticationResult result = msal(ClientCredentialFactory.createFromSecret("s3cret"), tenant.simulator.graphUrl());

    assertThat(result.accessToken()).isNotBlank();
    assertThat(result.expiresOnDate()).isInTheFuture();
    assertThat(tenant.simulator.requests()).extracting(RecordedRequest::endpoint, RecordedRequest::method, RecordedRequest::status)
        .containsExactly(tuple("token", "POST", 200));
    assertThat(tenant.get(tenant.simulator.graphUrl() + "/v1.0/security/collaboration/analyzedEmails", result.accessToken())
        .statusCode()).isEqualTo(200);
  }

  @Test
  void msalGetsATokenWithAClientAssertionSignedByTheTrustedCertificate() throws Exception {
    KeyStore keys = SimulatorCertificate.load(tenant.simulator.keyStore());
    String alias = keys.aliases().nextElement();
    X509Certificate certificate = (X509Certificate) keys.getCertificate(alias);
    tenant.simulator.trustCertificate(certificate);
    PrivateKey key = (PrivateKey) keys.getKey(alias, SimulatorCertificate.PASSWORD.toCharArray());

    IAuthenticationResult result = msal(ClientCredentialFactory.createFromCertificate(key, certificate),
        tenant.simulator.exchangeUrl());

    assertThat(result.accessToken()).isNotBlank();
    String assertion = tenant.simulator.requests().get(0).body().replaceAll(".*client_assertion=([^&]+).*", "$1");
    JsonNode header = LoopbackTenant.JSON.readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[0]));
    // What MSAL4J 1.26.1 sends: RS256 with the certificate's SHA-256 thumbprint and chain.
    assertThat(header.get("alg").asString()).isEqualTo("RS256");
    assertThat(header.has("x5t#S256")).isTrue();
  }

  @Test
  void anAssertionSignedByAnotherKeyIsRefusedAsInvalidClient() throws Exception {
    tenant.simulator.trustCertificate(otherCertificate());
    KeyStore keys = SimulatorCertificate.load(tenant.simulator.keyStore());
    String alias = keys.aliases().nextElement();

    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> msal(ClientCredentialFactory.createFromCertificate(
            (PrivateKey) keys.getKey(alias, SimulatorCertificate.PASSWORD.toCharArray()),
            (X509Certificate) keys.getCertificate(alias)), tenant.simulator.graphUrl()));

    assertThat(refused.getCause().getMessage()).contains("AADSTS700027");
    assertThat(tenant.simulator.requests().get(0).status()).isEqualTo(401);
  }

  @Test
  void aWrongSecretIsRefusedWithAadsts7000215WhenASecretIsExpected() {
    tenant.simulator.expectClientSecret("right");

    HttpResponse<String> wrong = tenant.tokenResponse(tenant.simulator.graphUrl() + "/.default", "wrong");
    HttpResponse<String> right = tenant.tokenResponse(tenant.simulator.graphUrl() + "/.default", "right");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("error").asString()).isEqualTo("invalid_client");
    assertThat(json(wrong).get("error_codes").get(0).asInt()).isEqualTo(7000215);
    assertThat(right.statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenAnswerCarriesTheConfiguredLifetime() {
    tenant.simulator.tokenLifetime(Duration.ofSeconds(90));

    HttpResponse<String> response = tenant.tokenResponse("https://127.0.0.1:" + tenant.simulator.port() + "/exchange/.default", "s");

    assertThat(json(response).get("token_type").asString()).isEqualTo("Bearer");
    assertThat(json(response).get("expires_in").asInt()).isEqualTo(90);
    assertThat(json(response).get("ext_expires_in").asInt()).isEqualTo(90);
  }

  @Test
  void aScopeOtherThanGraphOrExchangeDefaultIsInvalidScope() {
    HttpResponse<String> response = tenant.tokenResponse("https://graph.microsoft.com/.default", "s");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
    assertThat(json(response).get("error_description").asString()).startsWith("AADSTS70011:");
  }

  @Test
  void aTokenIsGoodForItsOwnResourceOnly() {
    String graphToken = tenant.token(tenant.simulator.graphUrl());
    String exchangeToken = tenant.token(tenant.simulator.exchangeUrl());

    assertThat(tenant.cmdlet(graphToken, "Get-QuarantineMessage", "{}").statusCode()).isEqualTo(401);
    assertThat(tenant.cmdlet(exchangeToken, "Get-QuarantineMessage", "{}").statusCode()).isEqualTo(200);
    assertThat(tenant.post(tenant.huntingUrl(), exchangeToken, "{\"Query\":\"EmailEvents\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void revokedAndExpiredTokensAreRefusedUntilANewOneIsFetched() throws Exception {
    String revoked = tenant.token(tenant.simulator.exchangeUrl());
    tenant.simulator.revokeTokens();
    tenant.simulator.tokenLifetime(Duration.ofMillis(300));
    String shortLived = tenant.token(tenant.simulator.exchangeUrl());
    Thread.sleep(400);
    tenant.simulator.tokenLifetime(Duration.ofHours(1));
    String fresh = tenant.token(tenant.simulator.exchangeUrl());

    assertThat(tenant.cmdlet(revoked, "Get-QuarantineMessage", "{}").statusCode()).isEqualTo(401);
    assertThat(tenant.cmdlet(shortLived, "Get-QuarantineMessage", "{}").statusCode()).isEqualTo(401);
    assertThat(tenant.cmdlet(fresh, "Get-QuarantineMessage", "{}").statusCode()).isEqualTo(200);
  }

  private IAuthenticationResult msal(IClientCredential credential, String resourceUrl) throws Exception {
    ConfidentialClientApplication app = ConfidentialClientApplication.builder(CLIENT_ID, credential)
        .authority(tenant.simulator.loginUrl() + "/" + TENANT_ID + "/")
        .instanceDiscovery(false)
        .validateAuthority(false)
        .sslSocketFactory(tenant.simulator.sslContext().getSocketFactory())
        .build();
    return app.acquireToken(ClientCredentialParameters.builder(Set.of(resourceUrl + "/.default")).build()).get();
  }

  /** A certificate the simulator never made, for an app whose registered certificate is another. */
  private X509Certificate otherCertificate() throws Exception {
    Path other = folder.resolve("other");
    SimulatorCertificate.in(other);
    KeyStore keys = SimulatorCertificate.load(other.resolve(SimulatorCertificate.KEY_STORE));
    return (X509Certificate) keys.getCertificate(keys.aliases().nextElement());
  }
}
