package io.qrelease.simulator;

import static io.qrelease.simulator.LoopbackTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Faults asked for answer the next requests to their endpoint, then the endpoint serves again. */
class FaultTest extends LoopbackTenantTest {

  static final String MESSAGE = "9fb93534-081c-4253-b1e2-73a87984a8ab";

  String graph;
  String exchange;

  @BeforeEach
  void seed() {
    tenant.simulator.add(SimulatedCopy.quarantined(MESSAGE + "\\8aca9505-c9f0-4e49-86fd-81ccdb84a29b", "alice@contoso.com",
        Instant.now().minus(1, ChronoUnit.DAYS)));
    graph = tenant.token(tenant.simulator.graphUrl());
    exchange = tenant.token(tenant.simulator.exchangeUrl());
  }

  @Test
  void a429OnGraphCarriesRetryAfterAndGraphsThrottlingBodyForAsManyRequestsAsAsked() {
    tenant.simulator.fault("remediate", Fault.status(429, 10), 2);

    HttpResponse<String> first = remediate();
    HttpResponse<String> second = remediate();
    HttpResponse<String> third = remediate();

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(json(first).get("error").get("code").asString()).isEqualTo("TooManyRequests");
    assertThat(json(first).get("error").get("innerError").get("status").asString()).isEqualTo("429");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(202);
    assertThat(tenant.simulator.remediations()).hasSize(1);
    assertThat(tenant.simulator.requests()).extracting(RecordedRequest::status).endsWith(429, 429, 202);
  }

  @Test
  void a503WithoutRetryAfterAndA401AnswerInsteadOfServing() {
    tenant.simulator.fault("hunting", Fault.status(503), 1);
    tenant.simulator.fault("exchange", Fault.status(401), 1);

    HttpResponse<String> unavailable = tenant.post(tenant.huntingUrl(), graph, "{\"Query\":\"EmailEvents\"}");
    HttpResponse<String> unauthorized = tenant.cmdlet(exchange, "Get-QuarantineMessage", "{}");

    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Retry-After")).isEmpty();
    assertThat(json(unavailable).get("error").get("code").asString()).isEqualTo("ServiceUnavailable");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(tenant.cmdlet(exchange, "Get-QuarantineMessage", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void forbiddenIsNulBytesFromExchangeAndAGraphErrorFromGraph() {
    tenant.simulator.fault("exchange", Fault.forbidden(), 1);
    tenant.simulator.fault("analyzedEmails", Fault.forbidden(), 1);

    HttpResponse<String> fromExchange = tenant.cmdlet(exchange, "Release-QuarantineMessage", "{}");
    HttpResponse<String> fromGraph = tenant.get(tenant.simulator.graphUrl() + "/v1.0/security/collaboration/analyzedEmails", graph);

    assertThat(fromExchange.statusCode()).isEqualTo(403);
    assertThat(fromExchange.body().chars()).isNotEmpty().containsOnly(0);
    assertThat(fromGraph.statusCode()).isEqualTo(403);
    assertThat(json(fromGraph).get("error").get("code").asString()).isEqualTo("Forbidden");
  }

  @Test
  void aSlowAnswerComesAfterTheDelayAndIsServedAsUsual() {
    tenant.simulator.fault("token", Fault.slow(Duration.ofMillis(700)), 1);

    long start = System.nanoTime();
    String token = tenant.token(tenant.simulator.graphUrl());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(token).isNotBlank();
  }

  @Test
  void aResetClosesTheConnectionWithoutAnAnswer() {
    tenant.simulator.fault("remediate", Fault.reset(), 1);

    assertThatThrownBy(this::remediate).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThat(tenant.simulator.remediations()).isEmpty();
    assertThat(tenant.simulator.requests()).last().extracting(RecordedRequest::status).isEqualTo(0);
  }

  @Test
  void malformedAnswersSucceedWithoutTheExpectedJsonAndARemediationWithoutLocation() {
    tenant.simulator.fault("remediate", Fault.malformed(), 1);
    tenant.simulator.fault("exchange", Fault.malformed(), 1);
    tenant.simulator.fault("token", Fault.malformed(), 1);

    HttpResponse<String> remediation = remediate();
    HttpResponse<String> rows = tenant.cmdlet(exchange, "Get-QuarantineMessage", "{}");
    HttpResponse<String> token = tenant.tokenResponse(tenant.simulator.graphUrl() + "/.default", "s");

    assertThat(remediation.statusCode()).isEqualTo(202);
    assertThat(remediation.headers().firstValue("Location")).isEmpty();
    assertThat(rows.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> json(rows)).isInstanceOf(JacksonException.class);
    assertThat(token.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> json(token)).isInstanceOf(JacksonException.class);
  }

  @Test
  void faultsAskedForOverHttpAndTheStateAndRequestsReadOverHttp() throws Exception {
    HttpResponse<String> added = control(HttpRequest.newBuilder(URI.create(tenant.simulator.loginUrl() + "/_simulator/faults"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"exchange\",\"fault\":\"status\",\"status\":429,"
            + "\"retryAfterSeconds\":3,\"times\":1}")));
    HttpResponse<String> wrong = control(HttpRequest.newBuilder(URI.create(tenant.simulator.loginUrl() + "/_simulator/faults"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"mailbox\",\"fault\":\"reset\"}")));
    HttpResponse<String> throttled = tenant.cmdlet(exchange, "Get-QuarantineMessage", "{}");
    HttpResponse<String> state = control(HttpRequest.newBuilder(URI.create(tenant.simulator.loginUrl() + "/_simulator/state")));
    HttpResponse<String> requests = control(HttpRequest.newBuilder(URI.create(tenant.simulator.loginUrl() + "/_simulator/requests")));

    assertThat(added.statusCode()).isEqualTo(204);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("'mailbox' is not an endpoint");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(json(state).get("copies").get(0).get("identity").asString()).startsWith(MESSAGE);
    assertThat(json(requests).findValuesAsString("endpoint")).contains("exchange");
  }

  private HttpResponse<String> control(HttpRequest.Builder request) throws Exception {
    return tenant.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> remediate() {
    return tenant.post(tenant.remediateUrl(), graph, GraphEndpointsTest.remediation("moveToInbox", MESSAGE, "alice@contoso.com"));
  }
}
