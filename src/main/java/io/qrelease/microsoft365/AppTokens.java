package io.qrelease.microsoft365;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.qrelease.tenant.Microsoft365;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's access tokens, one per resource, from Microsoft Entra ID by the client credentials grant.
 * MSAL4J (Microsoft's own library for it) keeps each token until shortly before it expires and
 * signs the client assertion of a certificate; qrelease asks it again, skipping its cache, only
 * after a resource has refused a token.
 */
final class AppTokens {

  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final Pattern CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----");

  private final ConfidentialClientApplication app;

  AppTokens(Microsoft365 tenant) {
    try {
      app = ConfidentialClientApplication.builder(tenant.clientId(), credential(tenant.credential()))
          .authority(tenant.loginUrl() + "/" + tenant.tenantId() + "/")
          // The authority is the tenant's own sign-in address: nothing to discover or validate
          // against Microsoft's list, which a test's stand-in is not on.
          .instanceDiscovery(false)
          .validateAuthority(false)
          .build();
    } catch (MalformedURLException unusable) {
      throw new TenantException("The tenant file's loginUrl " + tenant.loginUrl() + " is not a usable address;"
          + " give scheme, host and port only.", unusable);
    }
  }

  /** A token for the resource, from MSAL's cache while it is good. */
  String token(String scope) {
    return acquire(scope, false);
  }

  /** A new token for the resource, after it refused the one it was given. */
  String freshToken(String scope) {
    return acquire(scope, true);
  }

  private String acquire(String scope, boolean fresh) {
    try {
      return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).skipCache(fresh).build())
          .get().accessToken();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new TenantException("Getting a token for " + scope + " was interrupted; run the command again.");
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof MsalServiceException refused) {
        throw new TenantException("Microsoft Entra ID refused qrelease's app a token for " + scope + " ("
            + refused.errorCode() + ": " + firstLine(refused.getMessage()) + "); check the tenant file's tenantId,"
            + " clientId and its secret or certificate against the app registration.");
      }
      throw new TenantException("qrelease could not get a token for " + scope + " from the tenant's sign-in"
          + " address (" + firstLine(String.valueOf(failed.getCause().getMessage())) + "); check loginUrl and the"
          + " network, then run the command again.", failed.getCause());
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).trim();
  }

  private static IClientCredential credential(Microsoft365.Credential credential) {
    if (credential instanceof Microsoft365.ClientSecret secret) {
      String value = System.getenv(secret.variable());
      if (value == null || value.isBlank()) {
        throw new TenantException("The environment variable " + secret.variable() + ", which the tenant file names"
            + " for the app's client secret, is not set; export it and run again.");
      }
      return ClientCredentialFactory.createFromSecret(value);
    }
    Path pem = ((Microsoft365.Certificate) credential).pem();
    try {
      String text = Files.readString(pem);
      Matcher key = PRIVATE_KEY.matcher(text);
      if (!key.find()) {
        throw new TenantException(pem + " holds no unencrypted PKCS#8 private key (BEGIN PRIVATE KEY); convert it"
            + " with: openssl pkcs8 -topk8 -nocrypt -in KEY.pem");
      }
      PrivateKey privateKey = KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(key.group(1))));
      Matcher block = CERTIFICATE.matcher(text);
      if (!block.find()) {
        throw new TenantException(pem + " holds no certificate (BEGIN CERTIFICATE); add the app registration's"
            + " certificate to it, beside its private key.");
      }
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(block.group().getBytes(StandardCharsets.US_ASCII)));
      return ClientCredentialFactory.createFromCertificate(privateKey, certificate);
    } catch (IOException | GeneralSecurityException unreadable) {
      throw new TenantException(pem + " does not hold an RSA certificate and its private key as PEM; give the file"
          + " the app registration's certificate was made with.", unreadable);
    }
  }
}
