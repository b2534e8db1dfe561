package io.qrelease.simulator;

import static io.qrelease.simulator.LoopbackTenant.TENANT_ID;
import static io.qrelease.simulator.LoopbackTenant.encode;
import static io.qrelease.simulator.LoopbackTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Location;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Graph's remediation and analyzedEmails: what they accept, refuse and do to the copies. */
class GraphEndpointsTest extends LoopbackTenantTest {

  static final String MESSAGE = "9fb93534-081c-4253-b1e2-73a87984a8ab";
  static final Instant RECEIVED = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  String token;

  @BeforeEach
  void seed() {
    tenant.simulator.add(SimulatedCopy.quarantined(MESSAGE + "\\8aca9505-c9f0-4e49-86fd-81ccdb84a29b", "alice@contoso.com", RECEIVED),
        SimulatedCopy.quarantined(MESSAGE + "\\8aca9505-c9f0-4e49-86fd-81ccdb84a29b", "bob@contoso.com", RECEIVED),
        SimulatedCopy.delivered("db149e47-14be-49ab-b93f-e42eabd2d9f2", "carol@contoso.com", RECEIVED, Location.JunkFolder));
    token = tenant.token(tenant.simulator.graphUrl());
  }

  @Test
  void moveToInboxIsAcceptedWith202AndALocationNamingTheBulkIdAndReleasesTheQuarantinedCopy() {
    HttpResponse<String> response = tenant.post(tenant.remediateUrl(), token, remediation("moveToInbox", MESSAGE, "alice@contoso.com"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.getHost()).isEqualTo("security.microsoft.com");
    assertThat(location.getPath()).isEqualTo("/action-center/history");
    String bulkId = tenant.simulator.remediations().get(0).bulkId();
    assertThat(URLDecoder.decode(location.getRawQuery(), StandardCharsets.UTF_8))
        .isEqualTo("filters={\"bulkId\":[\"" + bulkId + "\"]}&tid=" + TENANT_ID);
    assertThat(tenant.simulator.remediations().get(0).entities())
        .containsExactly(new Remediation.Entity(MESSAGE, "alice@contoso.com"));
    SimulatedCopy alice = copy("alice@contoso.com");
    assertThat(alice.location()).isEqualTo(Location.Inbox);
    assertThat(alice.releaseStatus()).isEqualTo("Released");
    assertThat(alice.releasedUsers()).containsExactly("alice@contoso.com");
    assertThat(copy("bob@contoso.com").location()).isEqualTo(Location.Quarantine);
  }

  @Test
  void theSdkQualifiedNameAndTheBetaVersionRemediateToo() {
    String qualified = tenant.simulator.graphUrl() + "/v1.0/security/collaboration/analyzedEmails/microsoft.graph.security.remediate";
    String beta = tenant.simulator.graphUrl() + "/beta/security/collaboration/analyzedEmails/remediate";

    assertThat(tenant.post(qualified, token, remediation("moveToInbox", MESSAGE, "alice@contoso.com")).statusCode()).isEqualTo(202);
    assertThat(tenant.post(beta, token, remediation("moveToJunk", MESSAGE, "bob@contoso.com")).statusCode()).isEqualTo(202);
    assertThat(copy("bob@contoso.com").location()).isEqualTo(Location.JunkFolder);
  }

  @Test
  void anInvalidRemediationIsRefusedWithGraphsErrorShape() {
    HttpResponse<String> unknownAction = tenant.post(tenant.remediateUrl(), token, remediation("moveToOutbox", MESSAGE, "alice@contoso.com"));
    HttpResponse<String> noEmails = tenant.post(tenant.remediateUrl(), token,
        "{\"displayName\":\"x\",\"action\":\"moveToInbox\",\"remediateSendersCopy\":\"false\",\"analyzedEmails\":[]}");
    HttpResponse<String> notAGuid = tenant.post(tenant.remediateUrl(), token, remediation("moveToInbox", "not-a-guid", "alice@contoso.com"));

    for (HttpResponse<String> response : new HttpResponse[] {unknownAction, noEmails, notAGuid}) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response).get("error").get("code").asString()).isEqualTo("BadRequest");
      assertThat(json(response).get("error").get("innerError").has("request-id")).isTrue();
    }
    assertThat(json(unknownAction).get("error").get("message").asString()).contains("moveToOutbox");
    assertThat(tenant.simulator.remediations()).isEmpty();
  }

  @Test
  void aRefusedMessageFailsTheWholeCallAndNothingOfItIsApplied() {
    tenant.simulator.refuse(MESSAGE, "The message cannot be moved");

    HttpResponse<String> response = tenant.post(tenant.remediateUrl(), token, "{\"displayName\":\"x\",\"action\":\"moveToInbox\","
        + "\"remediateSendersCopy\":false,\"analyzedEmails\":[{\"networkMessageId\":\"db149e47-14be-49ab-b93f-e42eabd2d9f2\","
        + "\"recipientEmailAddress\":\"carol@contoso.com\"},{\"networkMessageId\":\"" + MESSAGE
        + "\",\"recipientEmailAddress\":\"alice@contoso.com\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("message").asString())
        .isEqualTo("The message cannot be moved (networkMessageId " + MESSAGE + ")");
    assertThat(tenant.simulator.remediations()).isEmpty();
    assertThat(copy("carol@contoso.com").location()).isEqualTo(Location.JunkFolder);
  }

  @Test
  void anAcceptedRemediationShowsOnlyAfterTheApplyDelayAndAnIgnoredMessageNever() throws Exception {
    tenant.simulator.applyAfter(Duration.ofMillis(500));
    tenant.simulator.ignore("db149e47-14be-49ab-b93f-e42eabd2d9f2");

    tenant.post(tenant.remediateUrl(), token, remediation("moveToInbox", MESSAGE, "alice@contoso.com"));
    tenant.post(tenant.remediateUrl(), token, remediation("moveToInbox", "db149e47-14be-49ab-b93f-e42eabd2d9f2", "carol@contoso.com"));
    String before = latestLocation(MESSAGE, "alice@contoso.com");
    Thread.sleep(600);

    assertThat(before).isEqualTo("quarantine");
    assertThat(latestLocation(MESSAGE, "alice@contoso.com")).isEqualTo("inbox_folder");
    assertThat(latestLocation("db149e47-14be-49ab-b93f-e42eabd2d9f2", "carol@contoso.com")).isEqualTo("junkFolder");
    assertThat(tenant.simulator.remediations()).hasSize(2);
  }

  @Test
  void analyzedEmailsFindsACopyByMessageAndRecipientWithinTheTimeRange() {
    String inRange = analyzedEmailsUrl("v1.0", RECEIVED.minusSeconds(60), RECEIVED.plusSeconds(60), MESSAGE, "bob@contoso.com");
    String outOfRange = analyzedEmailsUrl("v1.0", RECEIVED.plusSeconds(60), RECEIVED.plusSeconds(120), MESSAGE, "bob@contoso.com");
    String byMessage = tenant.simulator.graphUrl() + "/v1.0/security/collaboration/analyzedEmails?$filter="
        + encode("networkMessageId eq '" + MESSAGE + "'");

    JsonNode found = json(tenant.get(inRange, token)).get("value");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("networkMessageId").asString()).isEqualTo(MESSAGE);
    assertThat(found.get(0).get("recipientEmailAddress").asString()).isEqualTo("bob@contoso.com");
    assertThat(found.get(0).get("latestDelivery").get("location").asString()).isEqualTo("quarantine");
    assertThat(found.get(0).get("id").asString()).isNotBlank();
    assertThat(json(tenant.get(outOfRange, token)).get("value")).isEmpty();
    assertThat(json(tenant.get(byMessage, token)).get("value")).hasSize(2);
  }

  @Test
  void betaAnalyzedEmailsRequiresTheTimeRangeAndAnUnsupportedFilterIsRefused() {
    String beta = tenant.simulator.graphUrl() + "/beta/security/collaboration/analyzedEmails?$filter="
        + encode("networkMessageId eq '" + MESSAGE + "'");
    String bySubject = tenant.simulator.graphUrl() + "/v1.0/security/collaboration/analyzedEmails?$filter="
        + encode("subject eq 'x'");

    assertThat(tenant.get(beta, token).statusCode()).isEqualTo(400);
    HttpResponse<String> refused = tenant.get(bySubject, token);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("error").get("message").asString()).contains("only by networkMessageId");
  }

  private String latestLocation(String message, String recipient) {
    JsonNode value = json(tenant.get(analyzedEmailsUrl("v1.0", RECEIVED.minusSeconds(60), RECEIVED.plusSeconds(60), message, recipient),
        token)).get("value");
    return value.get(0).get("latestDelivery").get("location").asString();
  }

  private String analyzedEmailsUrl(String version, Instant start, Instant end, String message, String recipient) {
    return tenant.simulator.graphUrl() + "/" + version + "/security/collaboration/analyzedEmails?startTime=" + start
        + "&endTime=" + end + "&$filter="
        + encode("networkMessageId eq '" + message + "' and recipientEmailAddress eq '" + recipient + "'");
  }

  private SimulatedCopy copy(String recipient) {
    return tenant.simulator.copies().stream().filter(copy -> copy.recipient().equals(recipient)).findFirst().orElseThrow();
  }

  static String remediation(String action, String message, String recipient) {
    return "{\"displayName\":\"False positives\",\"description\":\"d\",\"severity\":\"low\",\"action\":\"" + action
        + "\",\"remediateSendersCopy\":false,\"analyzedEmails\":[{\"networkMessageId\":\"" + message
        + "\",\"recipientEmailAddress\":\"" + recipient + "\"}]}";
  }
}
