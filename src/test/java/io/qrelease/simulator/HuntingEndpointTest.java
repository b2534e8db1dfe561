package io.qrelease.simulator;

import static io.qrelease.simulator.LoopbackTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Location;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** runHuntingQuery over EmailEvents: the KQL subset qrelease sends, and the service's limits. */
class HuntingEndpointTest extends LoopbackTenantTest {

  static final Instant DAY = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
  static final String QUARANTINED = "9fb93534-081c-4253-b1e2-73a87984a8ab";
  static final String JUNKED = "db149e47-14be-49ab-b93f-e42eabd2d9f2";

  String token;

  @BeforeEach
  void seed() {
    tenant.simulator.add(SimulatedCopy.quarantined(QUARANTINED + "\\8aca9505-c9f0-4e49-86fd-81ccdb84a29b", "alice@contoso.com",
            DAY.plusSeconds(3600)),
        SimulatedCopy.delivered(JUNKED, "carol@contoso.com", DAY.plusSeconds(7200), Location.JunkFolder),
        SimulatedCopy.delivered("3994693e-a3ae-4e68-9323-451b4a95902a", "dave@contoso.com", DAY.plus(2, ChronoUnit.DAYS),
            Location.Inbox));
    token = tenant.token(tenant.simulator.graphUrl());
  }

  @Test
  void aTimeSliceWithProjectAnswersTheSchemaAndRowsOfThatSliceInEmailEventsSpelling() {
    HttpResponse<String> response = hunt("EmailEvents | where Timestamp between (datetime(" + DAY + ") .. datetime("
        + DAY.plus(1, ChronoUnit.DAYS) + ")) | project Timestamp, NetworkMessageId, RecipientEmailAddress, LatestDeliveryLocation");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = json(response);
    assertThat(answer.get("@odata.context").asString()).isNotBlank();
    assertThat(answer.get("schema")).extracting(column -> column.get("name").asString())
        .containsExactly("Timestamp", "NetworkMessageId", "RecipientEmailAddress", "LatestDeliveryLocation");
    assertThat(answer.get("schema").get(0).get("type").asString()).isEqualTo("DateTime");
    assertThat(answer.get("results")).extracting(row -> row.get("LatestDeliveryLocation").asString())
        .containsExactly("Quarantine", "Junk folder");
    assertThat(answer.get("results").get(0).get("Timestamp").asString()).isEqualTo(DAY.plusSeconds(3600).toString());
  }

  @Test
  void aListOfMessageIdsSelectsThoseMessagesWithEveryColumnAndTheLowerCaseQueryKeyWorksToo() {
    HttpResponse<String> response = tenant.post(tenant.simulator.graphUrl() + "/v1.0/security/microsoft.graph.security.runHuntingQuery",
        token, "{\"query\":\"EmailEvents\\n| where NetworkMessageId in (\\\"" + JUNKED.toUpperCase()
            + "\\\", \\\"3994693e-a3ae-4e68-9323-451b4a95902a\\\")\",\"Timespan\":\"P30D\"}");

    JsonNode results = json(response).get("results");
    assertThat(results).extracting(row -> row.get("RecipientEmailAddress").asString())
        .containsExactly("carol@contoso.com", "dave@contoso.com");
    assertThat(results.get(1).get("LatestDeliveryLocation").asString()).isEqualTo("Inbox/folder");
    assertThat(json(response).get("schema")).hasSize(HuntingQuery.COLUMNS.size());
  }

  @Test
  void aQueryOutsideTheSubsetIsRefusedSayingWhatTheSimulatorRuns() {
    HttpResponse<String> response = hunt("EmailEvents | summarize count() by RecipientEmailAddress");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("message").asString()).contains("The simulator runs only 'EmailEvents'");
  }

  @Test
  void theFortySixthCallInAMinuteGets429SayingWhichLimit() {
    for (int i = 0; i < HuntingEndpoint.CALLS_PER_MINUTE; i++) {
      assertThat(hunt("EmailEvents").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> throttled = hunt("EmailEvents");

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(json(throttled).get("error").get("code").asString()).isEqualTo("TooManyRequests");
    assertThat(json(throttled).get("error").get("message").asString()).contains("45 hunting calls in the last minute");
    assertThat(Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 61);
  }

  @Test
  void aResultOfMoreThanAHundredThousandRowsIsRefused() {
    List<SimulatedCopy> many = new ArrayList<>();
    for (int i = 0; i <= HuntingEndpoint.MAX_ROWS; i++) {
      many.add(SimulatedCopy.delivered(new UUID(7, i).toString(), "user@contoso.com", DAY, Location.Inbox));
    }
    tenant.simulator.add(many.toArray(SimulatedCopy[]::new));

    HttpResponse<String> response = hunt("EmailEvents");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("message").asString()).contains("more than 100000 rows");
  }

  private HttpResponse<String> hunt(String kql) {
    return tenant.post(tenant.huntingUrl(), token, "{\"Query\":" + LoopbackTenant.JSON.writeValueAsString(kql) + "}");
  }
}
