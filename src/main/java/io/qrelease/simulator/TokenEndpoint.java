package io.qrelease.simulator;

import io.qrelease.simulator.AccessTokens.Resource;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /{tenantId}/oauth2/v2.0/token}, the identity platform's client credentials grant
 * (M365-WIRE §1), with a client secret or a client assertion.
 */
final class TokenEndpoint {

  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");
  private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");

  private final AccessTokens tokens;
  private final Clock clock;
  private volatile Duration lifetime = Duration.ofSeconds(3599);
  private volatile String expectedSecret;
  private volatile X509Certificate trustedCertificate;

  TokenEndpoint(AccessTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  void expectSecret(String secret) {
    this.expectedSecret = secret;
  }

  void trust(X509Certificate certificate) {
    this.trustedCertificate = certificate;
  }

  Reply serve(Request request, String tenantId) {
    Map<String, String> form = request.formBody();
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return Reply.identityError(400, "unsupported_grant_type", 70003,
          "The app requested an unsupported grant type '" + form.getOrDefault("grant_type", "") + "'.");
    }
    String clientId = form.get("client_id");
    if (clientId == null || clientId.isBlank()) {
      return Reply.identityError(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
    }
    Resource resource = resource(form.get("scope"));
    if (resource == null) {
      return Reply.identityError(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid."
          + " The scope " + form.getOrDefault("scope", "") + " is not valid: the simulator issues tokens for"
          + " https://localhost:PORT/graph/.default and https://localhost:PORT/exchange/.default.");
    }
    Reply refused = credentialsRefused(form, clientId, request.path());
    if (refused != null) {
      return refused;
    }
    long seconds = lifetime.toSeconds();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    body.put("expires_in", seconds);
    body.put("ext_expires_in", seconds);
    body.put("access_token", tokens.issue(resource, tenantId, lifetime));
    return Reply.json(200, body);
  }

  private Reply credentialsRefused(Map<String, String> form, String clientId, String tokenPath) {
    String secret = form.get("client_secret");
    String assertion = form.get("client_assertion");
    if (secret != null) {
      String expected = expectedSecret;
      return expected == null || expected.equals(secret) ? null
          : Reply.identityError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
              + " sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
              + clientId + "'.");
    }
    if (assertion != null && JWT_BEARER.equals(form.get("client_assertion_type"))) {
      X509Certificate trusted = trustedCertificate;
      String problem = trusted == null ? null : ClientAssertion.problem(assertion, trusted, clientId, tokenPath, clock.instant());
      return problem == null ? null : Reply.identityError(401, "invalid_client", 700027, problem);
    }
    return Reply.identityError(401, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  /**
   * The resource of a scope {@code https://localhost:PORT/graph/.default} (or 127.0.0.1, or exchange).
   * MSAL4J adds {@code openid profile offline_access} to every scope it asks for, which the identity
   * platform ignores in a client credentials grant; one resource must remain.
   */
  private static Resource resource(String scope) {
    if (scope == null) {
      return null;
    }
    List<String> resources = new ArrayList<>(List.of(scope.trim().split("\\s+")));
    resources.removeAll(OIDC_SCOPES);
    if (resources.size() != 1) {
      return null;
    }
    try {
      URI uri = new URI(resources.get(0));
      return "https".equals(uri.getScheme()) && LOOPBACK_HOSTS.contains(uri.getHost())
          ? Resource.ofScopePath(uri.getPath()) : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
