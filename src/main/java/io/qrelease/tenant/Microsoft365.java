package io.qrelease.tenant;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.TimeSpan;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How qrelease reaches a Microsoft 365 tenant: the tenant file's {@code microsoft365} block (SPEC
 * §6.1). It says where the app's secret is and never holds it: a client secret is the name of the
 * environment variable that holds it, a certificate the PEM file with the certificate and its
 * private key.
 *
 * @param tenantId the directory (tenant) id, a GUID, or the tenant's domain
 * @param loginUrl scheme, host and port: the tenant id follows it
 * @param graphUrl calls append to it, path included
 * @param exchangeUrl calls append to it, path included
 * @param remediationBatch entities per Graph remediation
 * @param releaseBatch quarantine identities per Release-QuarantineMessage call
 */
public record Microsoft365(String tenantId, String clientId, Credential credential, URI loginUrl, URI graphUrl,
    URI exchangeUrl, int remediationBatch, int releaseBatch, int maxConcurrentRemediations, Duration verifyTimeout) {

  /** Where the app's secret is. */
  public sealed interface Credential permits ClientSecret, Certificate {
  }

  /** The client secret, held by this environment variable. */
  public record ClientSecret(String variable) implements Credential {
  }

  /** A PEM file with the app's certificate and its private key, for a signed client assertion. */
  public record Certificate(Path pem) implements Credential {
  }

  static final String KEY = "microsoft365";
  static final Set<String> KEYS = Set.of("tenantId", "clientId", "clientSecret", "certificate", "loginUrl", "graphUrl",
      "exchangeUrl", "remediationBatch", "releaseBatch", "maxConcurrentRemediations", "verifyTimeout");
  public static final URI LOGIN = URI.create("https://login.microsoftonline.com");
  public static final URI GRAPH = URI.create("https://graph.microsoft.com");
  public static final URI EXCHANGE = URI.create("https://outlook.office365.com");
  /** Microsoft's advice for one remediation. */
  private static final int MOST_PER_REMEDIATION = 50_000;
  /** What scripts that release through the admin API keep to; more is not documented to work. */
  private static final int MOST_PER_RELEASE = 100;
  /** Defender runs at most 50 remediations at once for an organization. */
  private static final int MOST_CONCURRENT_REMEDIATIONS = 50;
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  static Microsoft365 of(Path file, Object value) {
    if (!(value instanceof Map<?, ?> block)) {
      throw problem(file, "is not a mapping; give it tenantId, clientId and clientSecret or certificate");
    }
    Tenant.refuseUnknownKeys(file, block, KEYS, "in " + KEY);
    String tenantId = text(file, block, "tenantId");
    if (tenantId == null || !isGuid(tenantId) && !Tenant.isDomain(tenantId.toLowerCase(Locale.ROOT))) {
      throw problem(file, "needs tenantId, the directory (tenant) id of the app registration, a GUID such as"
          + " 6babcaad-604b-40ac-a9d7-9fd97c0b779f");
    }
    String clientId = text(file, block, "clientId");
    if (clientId == null || !isGuid(clientId)) {
      throw problem(file, "needs clientId, the application (client) id of the app registration, a GUID");
    }
    return new Microsoft365(tenantId.toLowerCase(Locale.ROOT), clientId.toLowerCase(Locale.ROOT),
        credential(file, block),
        url(file, block, "loginUrl", LOGIN, false), url(file, block, "graphUrl", GRAPH, true),
        url(file, block, "exchangeUrl", EXCHANGE, true),
        count(file, block, "remediationBatch", MOST_PER_REMEDIATION, MOST_PER_REMEDIATION),
        count(file, block, "releaseBatch", MOST_PER_RELEASE, MOST_PER_RELEASE),
        count(file, block, "maxConcurrentRemediations", 1, MOST_CONCURRENT_REMEDIATIONS),
        verifyTimeout(file, block));
  }

  private static Credential credential(Path file, Map<?, ?> block) {
    boolean secret = block.containsKey("clientSecret");
    boolean certificate = block.containsKey("certificate");
    if (secret == certificate) {
      throw problem(file, secret ? "has both clientSecret and certificate; keep the one the app registration uses"
          : "needs clientSecret: ${VARIABLE}, naming the environment variable that holds the secret, or"
              + " certificate: FILE.pem");
    }
    if (secret) {
      // The value is never repeated: it may be the secret itself.
      Object given = block.get("clientSecret");
      Matcher variable = VARIABLE.matcher(given instanceof String text ? text.trim() : "");
      if (!variable.matches()) {
        throw problem(file, "has a clientSecret that is not ${VARIABLE}; put the secret in an environment"
            + " variable, write clientSecret: ${THAT_VARIABLE}, and remove the secret from the file");
      }
      return new ClientSecret(variable.group(1));
    }
    String pem = text(file, block, "certificate");
    Path resolved = (file.toAbsolutePath().getParent() == null ? Path.of(pem)
        : file.toAbsolutePath().getParent().resolve(pem)).normalize();
    if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
      throw problem(file, "names certificate " + resolved + ", which cannot be read; give the PEM file with the"
          + " app's certificate and private key, relative to the tenant file or absolute");
    }
    return new Certificate(resolved);
  }

  /** An HTTPS URL, without a query; with no path but "/" unless the calls append to it. */
  private static URI url(Path file, Map<?, ?> block, String key, URI defaultUrl, boolean mayHavePath) {
    String given = text(file, block, key);
    if (given == null) {
      return defaultUrl;
    }
    URI url;
    try {
      url = new URI(given.trim().replaceAll("/+$", ""));
    } catch (URISyntaxException e) {
      url = null;
    }
    boolean usable = url != null && "https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null
        && url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null
        && (mayHavePath || url.getRawPath().isEmpty());
    if (!usable) {
      // The URL given is not repeated: it may carry a password.
      throw problem(file, "has a " + key + " qrelease cannot use; give an https:// URL" + (mayHavePath
          ? " (a path is kept: calls append to it), such as " + defaultUrl
          : " of scheme, host and port only (the tenant id follows it), such as " + defaultUrl));
    }
    return url;
  }

  private static int count(Path file, Map<?, ?> block, String key, int defaultCount, int most) {
    String given = text(file, block, key);
    if (given == null) {
      return defaultCount;
    }
    try {
      int count = Integer.parseInt(given.trim().replace("_", "").replace(",", ""));
      if (count >= 1 && count <= most) {
        return count;
      }
    } catch (NumberFormatException notANumber) {
      // Refused below with the rest.
    }
    throw problem(file, "has " + key + " '" + given + "'; give a whole number from 1 to " + most);
  }

  private static Duration verifyTimeout(Path file, Map<?, ?> block) {
    String given = text(file, block, "verifyTimeout");
    if (given == null) {
      return Duration.ofMinutes(30);
    }
    try {
      return TimeSpan.parse(given);
    } catch (IllegalArgumentException e) {
      throw problem(file, "has verifyTimeout '" + given + "'; give how long to wait for the tenant to confirm,"
          + " such as 30m or 2h");
    }
  }

  private static String text(Path file, Map<?, ?> block, String key) {
    Object value = block.get(key);
    return value == null ? null : Tenant.scalar(file, value, KEY + "." + key);
  }

  /** In upper or lower case, as the portal shows it; not trimmed, as spaces inside quotes are a typo. */
  private static boolean isGuid(String text) {
    return EntityKey.isGuid(text.toLowerCase(Locale.ROOT));
  }

  private static TenantFileException problem(Path file, String what) {
    return new TenantFileException(file + ": " + KEY + " " + what + ".");
  }
}
