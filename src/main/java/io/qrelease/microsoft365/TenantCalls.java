package io.qrelease.microsoft365;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to the tenant's endpoints, with the retries SPEC §6.3 asks for: a 429 or 503 waits as long
 * as Retry-After says (no call to that endpoint goes out before then, from any thread), other
 * transient faults and lost connections back off exponentially with jitter, a 401 gets one new
 * token, and a 403 is a refusal no retry changes. Answers the caller must read (2xx, 400, 404, 409)
 * are returned as they are.
 */
final class TenantCalls {

  private static final Logger LOG = LoggerFactory.getLogger(TenantCalls.class);

  /** What a call answered. */
  record Answer(int status, HttpHeaders headers, String body) {
  }

  private final HttpClient http;
  private final AppTokens tokens;
  private final Patience patience;
  /** When each endpoint may be called again, after it said to wait. */
  private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

  TenantCalls(AppTokens tokens, Patience patience) {
    this.tokens = tokens;
    this.patience = patience;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * @param grant what the app needs for the call, named when the tenant forbids it
   */
  Answer post(String call, String grant, URI uri, String scope, String json, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json; charset=utf-8");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(call, grant, request, scope);
  }

  private Answer send(String call, String grant, HttpRequest.Builder request, String scope) {
    request.timeout(patience.answerTimeout());
    String token = tokens.token(scope);
    boolean renewed = false;
    String lastProblem = null;
    for (int attempt = 1; attempt <= patience.attempts(); attempt++) {
      waitForTurn(call);
      HttpResponse<String> response;
      try {
        response = http.send(request.copy().header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (SSLHandshakeException untrusted) {
        throw new TenantException(call + " could not be reached securely: this JVM does not trust the certificate of "
            + request.build().uri().getHost() + " (" + untrusted.getMessage() + "); give it the trust store that holds"
            + " that certificate with -Djavax.net.ssl.trustStore in JAVA_OPTS.", untrusted);
      } catch (IOException lost) {
        lastProblem = "the connection failed (" + lost.getClass().getSimpleName() + ")";
        LOG.warn("{}: attempt {} of {}: {}", call, attempt, patience.attempts(), lastProblem, lost);
        pause(call, backOff(attempt));
        continue;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new TenantException(call + " was interrupted; run qrelease restart --last to carry on.");
      }
      int status = response.statusCode();
      Answer answer = new Answer(status, response.headers(), response.body());
      if (status == 401 && !renewed) {
        LOG.info("{}: the token was refused (401); asking for a new one", call);
        token = tokens.freshToken(scope);
        renewed = true;
        attempt--;
        continue;
      }
      if (status == 401 || status == 403) {
        throw new TenantException(call + " was refused (HTTP " + status + (TenantWords.of(answer.body()).isBlank()
            ? "" : ": " + TenantWords.of(answer.body())) + "); give the app registration " + grant
            + " with admin consent, then run qrelease restart --last.");
      }
      if (status == 429 || status >= 500) {
        lastProblem = "it answered HTTP " + status;
        Duration wait = retryAfter(answer).orElse(backOff(attempt));
        LOG.warn("{}: attempt {} of {}: HTTP {}; waiting {} ms", call, attempt, patience.attempts(), status,
            wait.toMillis());
        pause(call, wait);
        continue;
      }
      return answer;
    }
    throw new TenantException(call + " did not succeed in " + patience.attempts() + " attempts (" + lastProblem
        + "); run qrelease restart --last once the tenant answers again.");
  }

  private Optional<Duration> retryAfter(Answer answer) {
    return answer.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(value.trim()) * 1000)));
      } catch (NumberFormatException notSeconds) {
        return Optional.empty();
      }
    });
  }

  /** Exponential from the first wait, with jitter so that concurrent calls do not come back together. */
  private Duration backOff(int attempt) {
    long ceiling = Math.min(patience.longestWait().toMillis(),
        patience.firstWait().toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }

  private void pause(String call, Duration wait) {
    notBefore.merge(call, Instant.now().plus(wait), (was, now) -> was.isAfter(now) ? was : now);
  }

  private void waitForTurn(String call) {
    Instant turn = notBefore.get(call);
    long millis = turn == null ? 0 : Duration.between(Instant.now(), turn).toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new TenantException(call + " was interrupted; run qrelease restart --last to carry on.");
      }
    }
  }
}
