package io.qrelease.simulator;

import static io.qrelease.simulator.LoopbackTenant.TENANT_ID;
import static io.qrelease.simulator.LoopbackTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Location;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Exchange's InvokeCommand: Get-QuarantineMessage's rows and paging, Release-QuarantineMessage's effects and errors. */
class ExchangeEndpointTest extends LoopbackTenantTest {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String SHARED = "1aa615a9-4b6a-4551-a061-ae14a1dbf721\\12e6002c-cb91-4b4d-a6c3-9dfa4893776e";

  String token;

  /** 250 quarantine rows of one recipient, one hour apart, and one row of two recipients, the newest. */
  @BeforeEach
  void seed() {
    SimulatedCopy[] copies = new SimulatedCopy[252];
    for (int i = 0; i < 250; i++) {
      copies[i] = SimulatedCopy.quarantined(identity(i), "user" + i + "@contoso.com", NOW.minus(i + 1, ChronoUnit.HOURS));
    }
    copies[250] = SimulatedCopy.quarantined(SHARED, "dave@contoso.com", NOW.minusSeconds(60));
    copies[251] = SimulatedCopy.quarantined(SHARED, "erin@contoso.com", NOW.minusSeconds(60));
    tenant.simulator.add(copies);
    token = tenant.token(tenant.simulator.exchangeUrl());
  }

  @Test
  void rowsComeNewestFirstInPagesUntilAShortOne() {
    JsonNode first = json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"PageSize\":100,\"Page\":1}"));
    JsonNode third = json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"PageSize\":100,\"Page\":3}"));
    JsonNode byDefault = json(tenant.cmdlet(token, "Get-QuarantineMessage", "{}"));

    assertThat(first.get("@odata.context").asString()).endsWith("$metadata#Collection(Exchange.GenericHashTable)");
    assertThat(first.get("@adminapi.warnings")).isEmpty();
    assertThat(first.get("value")).hasSize(100);
    assertThat(first.get("value").get(0).get("Identity").asString()).isEqualTo(SHARED);
    assertThat(first.get("value").get(1).get("Identity").asString()).isEqualTo(identity(0));
    assertThat(third.get("value")).hasSize(51);
    assertThat(byDefault.get("value")).hasSize(100);
  }

  @Test
  void aRowHasEveryRecipientOfItsIdentityAndTheSidecarTypeKeys() {
    JsonNode row = json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\"}")).get("value").get(0);

    assertThat(row.get("Identity@data.type").asString()).isEqualTo("System.String");
    assertThat(row.get("RecipientAddress")).extracting(JsonNode::asString).containsExactly("dave@contoso.com", "erin@contoso.com");
    assertThat(row.get("RecipientCount").asInt()).isEqualTo(2);
    assertThat(row.get("ReleaseStatus").asString()).isEqualTo("NOTRELEASED");
    assertThat(row.get("Released").asBoolean()).isFalse();
    assertThat(row.get("ReleasedUser")).isEmpty();
    assertThat(row.get("QuarantineTypes").asString()).isEqualTo("Spam");
    assertThat(Instant.parse(row.get("ReceivedTime").asString())).isEqualTo(NOW.minusSeconds(60));
  }

  @Test
  void anEmptyOrUnknownIdentityListsEveryRowAsTheRealCmdletDoes() {
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"Identity\":\"\"}")).get("value")).hasSize(100);
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"Identity\":null}")).get("value")).hasSize(100);
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"Identity\":\"" + UUID.randomUUID() + "\\\\"
        + UUID.randomUUID() + "\"}")).get("value")).hasSize(100);
  }

  @Test
  void filtersNarrowTheRowsAndOutOfRangeArgumentsAreRefused() {
    String lastDay = "{\"StartReceivedDate\":\"" + NOW.minus(10, ChronoUnit.HOURS) + "\",\"EndReceivedDate\":\"" + NOW + "\",\"PageSize\":1000}";
    String erin = "{\"RecipientAddress\":[\"ERIN@contoso.com\"]}";

    // The row of two recipients and the rows of the ten hours before.
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", lastDay)).get("value")).hasSize(11);
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", erin)).get("value")).hasSize(1);
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"ReleaseStatus\":\"Released\"}")).get("value")).isEmpty();
    assertThat(json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"QuarantineTypes\":\"Phish\"}")).get("value")).isEmpty();
    HttpResponse<String> tooOld = tenant.cmdlet(token, "Get-QuarantineMessage",
        "{\"StartReceivedDate\":\"" + NOW.minus(31, ChronoUnit.DAYS) + "\"}");
    assertThat(tooOld.statusCode()).isEqualTo(400);
    assertThat(detail(tooOld)).contains("30 days");
    assertThat(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"PageSize\":1001}").statusCode()).isEqualTo(400);
  }

  @Test
  void releaseToAllReleasesEveryRecipientOfEachIdentityNamed() {
    HttpResponse<String> response = tenant.cmdlet(token, "Release-QuarantineMessage",
        "{\"Identities\":[\"" + esc(SHARED) + "\",\"" + esc(identity(0)) + "\"],\"Identity\":\"000\",\"ReleaseToAll\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("value")).isEmpty();
    JsonNode row = json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\"}")).get("value").get(0);
    assertThat(row.get("ReleaseStatus").asString()).isEqualTo("RELEASED");
    assertThat(row.get("ReleasedUser")).extracting(JsonNode::asString).containsExactly("dave@contoso.com", "erin@contoso.com");
    assertThat(tenant.simulator.copies()).filteredOn(copy -> copy.identity().equals(SHARED))
        .allSatisfy(copy -> assertThat(copy.location()).isEqualTo(Location.Inbox));
    assertThat(tenant.simulator.releases()).singleElement().satisfies(release -> {
      assertThat(release.releaseToAll()).isTrue();
      assertThat(release.identities()).hasSize(2);
    });
  }

  @Test
  void releaseToUsersReleasesThoseRecipientsOnlyAndSkipsTheReleasedWithoutForce() {
    tenant.cmdlet(token, "Release-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\",\"User\":[\"erin@contoso.com\"]}");
    tenant.cmdlet(token, "Release-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\",\"ReleaseToAll\":true}");
    SimulatedCopy erinBeforeForce = erin();
    tenant.cmdlet(token, "Release-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\",\"ReleaseToAll\":true,\"Force\":true}");

    assertThat(tenant.simulator.releases()).hasSize(3);
    assertThat(erinBeforeForce.releaseStatus()).isEqualTo("Released");
    assertThat(tenant.simulator.copies()).filteredOn(copy -> copy.identity().equals(SHARED))
        .extracting(SimulatedCopy::releaseStatus).containsOnly("Released");
  }

  @Test
  void aReleaseShowsPreparingToReleaseUntilTheApplyDelayHasPassed() throws Exception {
    tenant.simulator.applyAfter(Duration.ofMillis(400));

    tenant.cmdlet(token, "Release-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\",\"ReleaseToAll\":true}");
    String during = row(SHARED).get("ReleaseStatus").asString();
    Thread.sleep(500);

    assertThat(during).isEqualTo("PREPARINGTORELEASE");
    assertThat(row(SHARED).get("ReleaseStatus").asString()).isEqualTo("RELEASED");
  }

  @Test
  void releasingNeitherToAllNorToUsersOrToBothIsTheRealError() {
    HttpResponse<String> neither = tenant.cmdlet(token, "Release-QuarantineMessage", "{\"Identity\":\"" + esc(SHARED) + "\"}");
    HttpResponse<String> both = tenant.cmdlet(token, "Release-QuarantineMessage",
        "{\"Identity\":\"" + esc(SHARED) + "\",\"ReleaseToAll\":true,\"User\":[\"erin@contoso.com\"]}");

    for (HttpResponse<String> response : new HttpResponse[] {neither, both}) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(detail(response)).contains("You must either release the message to all recipients or to specific ones");
    }
    assertThat(tenant.simulator.releases()).isEmpty();
  }

  @Test
  void anUnknownOrRefusedIdentityFailsTheCallNamingItAndNothingIsReleased() {
    String unknown = UUID.randomUUID() + "\\" + UUID.randomUUID();
    tenant.simulator.refuse(identity(3), "The message has expired.");

    HttpResponse<String> notFound = tenant.cmdlet(token, "Release-QuarantineMessage",
        "{\"Identities\":[\"" + esc(SHARED) + "\",\"" + esc(unknown) + "\"],\"Identity\":\"000\",\"ReleaseToAll\":true}");
    HttpResponse<String> refused = tenant.cmdlet(token, "Release-QuarantineMessage",
        "{\"Identities\":[\"" + esc(SHARED) + "\",\"" + esc(identity(3)) + "\"],\"Identity\":\"000\",\"ReleaseToAll\":true}");

    assertThat(notFound.statusCode()).isEqualTo(400);
    assertThat(detail(notFound)).contains(unknown);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(detail(refused)).isEqualTo("Ex6F9304|Microsoft.Exchange.Management.Tasks.ValidationException|Message '"
        + identity(3) + "' could not be released. The message has expired.");
    assertThat(tenant.simulator.releases()).isEmpty();
    assertThat(erin().releaseStatus()).isEqualTo("NotReleased");
  }

  @Test
  void theV10PathIs405AndAnUnknownCmdletIs403WithNulBytes() {
    HttpResponse<String> v10 = tenant.post(tenant.simulator.exchangeUrl() + "/adminapi/v1.0/" + TENANT_ID + "/InvokeCommand", token,
        "{\"CmdletInput\":{\"CmdletName\":\"Get-QuarantineMessage\",\"Parameters\":{}}}");
    HttpResponse<String> unknown = tenant.cmdlet(token, "Get-Mailbox", "{}");

    assertThat(v10.statusCode()).isEqualTo(405);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isNotEmpty().containsOnlyOnce("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
  }

  private JsonNode row(String identity) {
    return json(tenant.cmdlet(token, "Get-QuarantineMessage", "{\"Identity\":\"" + esc(identity) + "\"}")).get("value").get(0);
  }

  private SimulatedCopy erin() {
    return tenant.simulator.copies().stream().filter(copy -> copy.recipient().equals("erin@contoso.com")).findFirst().orElseThrow();
  }

  private static String detail(HttpResponse<String> response) {
    return json(response).get("error").get("details").get(0).get("message").asString();
  }

  private static String identity(int i) {
    return new UUID(0x9fb93534081c4253L, i) + "\\" + new UUID(0x8aca9505c9f04e49L, i);
  }

  /** The identity inside a JSON string. */
  private static String esc(String identity) {
    return identity.replace("\\", "\\\\");
  }
}
