package io.qrelease.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The access tokens issued so far, each good for one resource of one tenant until it expires. */
final class AccessTokens {

  /** What a token is for: its scope is {@code {graphUrl}/.default} or {@code {exchangeUrl}/.default}. */
  enum Resource {
    GRAPH("/graph/.default"), EXCHANGE("/exchange/.default");

    private final String scopePath;

    Resource(String scopePath) {
      this.scopePath = scopePath;
    }

    static Resource ofScopePath(String path) {
      for (Resource resource : values()) {
        if (resource.scopePath.equals(path)) {
          return resource;
        }
      }
      return null;
    }
  }

  /** A token's grant; {@code tenantId} is the one its token request named. */
  record Grant(Resource resource, String tenantId, Instant expires) {
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final Clock clock;

  AccessTokens(Clock clock) {
    this.clock = clock;
  }

  String issue(Resource resource, String tenantId, Duration lifetime) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    grants.put(token, new Grant(resource, tenantId, clock.instant().plus(lifetime)));
    return token;
  }

  /** The grant of a token that is still good, or null for an unknown, revoked or expired one. */
  Grant grant(String token) {
    Grant grant = token == null ? null : grants.get(token);
    return grant == null || !clock.instant().isBefore(grant.expires()) ? null : grant;
  }

  void revokeAll() {
    grants.clear();
  }
}
