package io.qrelease.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulator started for one test and a client of it over loopback HTTPS. The certificate is
 * made once in target/ and copied into each test's state folder, since keytool takes about a
 * second to make a key.
 */
final class LoopbackTenant implements AutoCloseable {

  static final String TENANT_ID = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
  static final String CLIENT_ID = "2f5e1a3c-0d7b-4c55-9a8e-61c2c7e0b0d4";
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static Path certificateFolder;

  final TenantSimulator simulator;
  final HttpClient http;

  private LoopbackTenant(TenantSimulator simulator) {
    this.simulator = simulator;
    this.http = HttpClient.newBuilder().sslContext(simulator.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static LoopbackTenant start(Path stateDir) throws IOException {
    Path certificates = certificates();
    Files.createDirectories(stateDir);
    for (String store : new String[] {SimulatorCertificate.KEY_STORE, SimulatorCertificate.TRUST_STORE}) {
      if (!Files.exists(stateDir.resolve(store))) {
        Files.copy(certificates.resolve(store), stateDir.resolve(store));
      }
    }
    return new LoopbackTenant(TenantSimulator.start(stateDir, 0));
  }

  private static synchronized Path certificates() throws IOException {
    if (certificateFolder == null) {
      certificateFolder = SimulatorCertificate.in(Path.of("target", "simulator-certificate")).keyStore().getParent();
    }
    return certificateFolder;
  }

  /** A token for {@code {graphUrl}/.default} or {@code {exchangeUrl}/.default}, by client secret. */
  String token(String resourceUrl) {
    HttpResponse<String> response = tokenResponse(resourceUrl + "/.default", "any secret");
    if (response.statusCode() != 200) {
      throw new AssertionError("No token: " + response.statusCode() + " " + response.body());
    }
    return json(response).get("access_token").asString();
  }

  HttpResponse<String> tokenResponse(String scope, String secret) {
    String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&scope=" + encode(scope)
        + "&client_secret=" + encode(secret);
    return send(HttpRequest.newBuilder(URI.create(simulator.loginUrl() + "/" + TENANT_ID + "/oauth2/v2.0/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  HttpResponse<String> post(String url, String token, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String url, String token) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
  }

  /** Runs a cmdlet through Exchange's InvokeCommand. */
  HttpResponse<String> cmdlet(String token, String name, String parametersJson) {
    return post(simulator.exchangeUrl() + "/adminapi/beta/" + TENANT_ID + "/InvokeCommand", token,
        "{\"CmdletInput\":{\"CmdletName\":\"" + name + "\",\"Parameters\":" + parametersJson + "}}");
  }

  String remediateUrl() {
    return simulator.graphUrl() + "/v1.0/security/collaboration/analyzedEmails/remediate";
  }

  String huntingUrl() {
    return simulator.graphUrl() + "/v1.0/security/runHuntingQuery";
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    simulator.close();
  }
}
