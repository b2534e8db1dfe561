package io.qrelease.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A client assertion (a JWT the app signs with its certificate's key, M365-WIRE §1), checked as the
 * identity platform does: RS256 or PS256 by the key of the certificate registered for the app,
 * issued by the client, for the token endpoint, not expired.
 */
final class ClientAssertion {

  private ClientAssertion() {
  }

  /** Why the identity platform would refuse the assertion, or null when it is good. */
  static String problem(String jwt, X509Certificate trusted, String clientId, String tokenPath, Instant now) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return "The client assertion is not a signed JWT (header.payload.signature).";
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = Reply.JSON.readTree(decode(parts[0]));
      claims = Reply.JSON.readTree(decode(parts[1]));
    } catch (JacksonException | IllegalArgumentException e) {
      return "The client assertion's header or claims are not base64url-encoded JSON.";
    }
    if (!verified(header.path("alg").asString(""), parts, trusted)) {
      return "Client assertion failed signature validation.";
    }
    if (!clientId.equals(claims.path("iss").asString("")) || !clientId.equals(claims.path("sub").asString(""))) {
      return "The client assertion's iss and sub must both be the client id " + clientId + ".";
    }
    if (!claims.path("aud").asString("").endsWith(tokenPath)) {
      return "The client assertion's audience must be the token endpoint ending in " + tokenPath + ".";
    }
    if (!Instant.ofEpochSecond(claims.path("exp").asLong(0)).isAfter(now)) {
      return "Client assertion is not within its valid time range.";
    }
    return null;
  }

  private static boolean verified(String algorithm, String[] parts, X509Certificate trusted) {
    try {
      Signature signature;
      if ("RS256".equals(algorithm)) {
        signature = Signature.getInstance("SHA256withRSA");
      } else if ("PS256".equals(algorithm)) {
        signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      } else {
        return false;
      }
      signature.initVerify(trusted.getPublicKey());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return signature.verify(decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] decode(String part) {
    return Base64.getUrlDecoder().decode(part);
  }
}
