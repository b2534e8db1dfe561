package io.qrelease.microsoft365;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.input.Cells;
import io.qrelease.mailbox.Batch;
import io.qrelease.mailbox.Entity;
import io.qrelease.mailbox.MailboxActions;
import io.qrelease.mailbox.Receipt;
import io.qrelease.mailbox.Whereabouts;
import io.qrelease.tenant.Microsoft365;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft 365 tenant as the mailbox (SPEC §6.2, M365-WIRE): a move to the Inbox is a Graph
 * remediation, a release is Exchange Online's Release-QuarantineMessage; where an entity is now comes
 * from Advanced Hunting's EmailEvents for a move and from Get-QuarantineMessage for a release.
 */
public final class Microsoft365Actions implements MailboxActions {

  private static final Pattern BULK_ID = Pattern.compile("\"bulkId\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
  private static final String REMEDIATE = "Graph remediate";
  private static final String HUNTING = "Graph runHuntingQuery";
  private static final String RELEASE = "Exchange Release-QuarantineMessage";
  private static final String QUARANTINE = "Exchange Get-QuarantineMessage";
  private static final String GRAPH_REMEDIATION = "the Microsoft Graph application permission"
      + " SecurityAnalyzedMessage.ReadWrite.All";
  private static final String GRAPH_HUNTING = "the Microsoft Graph application permission ThreatHunting.Read.All";
  private static final String EXCHANGE_ROLE = "the Office 365 Exchange Online application permission"
      + " Exchange.ManageAsApp and the Security Administrator directory role";

  private final Microsoft365 tenant;
  private final TenantCalls calls;
  private final JsonMapper json = JsonMapper.builder().build();

  public Microsoft365Actions(Microsoft365 tenant, Patience patience) {
    this.tenant = tenant;
    this.calls = new TenantCalls(new AppTokens(tenant), patience);
  }

  @Override
  public Receipt carryOut(Batch batch) {
    return batch.type() == ActionType.MoveToInbox ? remediate(batch) : release(batch);
  }

  @Override
  public List<Whereabouts> whereNow(ActionType type, List<Entity> entities) {
    return type == ActionType.MoveToInbox ? delivered(entities) : released(entities);
  }

  private String graphScope() {
    return tenant.graphUrl() + "/.default";
  }

  private String exchangeScope() {
    return tenant.exchangeUrl() + "/.default";
  }

  /**
   * Moves the batch's entities to the Inbox in one remediation. An entity Graph refuses by name is set
   * aside with its words and the rest sent again; a refusal naming none refuses them all.
   */
  private Receipt remediate(Batch batch) {
    URI uri = URI.create(tenant.graphUrl() + "/v1.0/security/collaboration/analyzedEmails/remediate");
    Map<EntityKey, String> refused = new HashMap<>();
    List<Entity> remaining = new ArrayList<>(batch.entities());
    while (!remaining.isEmpty()) {
      ObjectNode body = json.createObjectNode()
          .put("displayName", batch.displayName())
          .put("description", batch.description())
          .put("severity", "low")
          .put("action", "moveToInbox")
          .put("remediateSendersCopy", false);
      ArrayNode emails = body.putArray("analyzedEmails");
      remaining.forEach(entity -> emails.addObject()
          .put("networkMessageId", entity.copy().networkMessageId())
          .put("recipientEmailAddress", entity.copy().recipient()));
      TenantCalls.Answer answer = calls.post(REMEDIATE, GRAPH_REMEDIATION, uri, graphScope(),
          json.writeValueAsString(body));
      if (answer.status() == 202 || answer.status() == 409 && TenantWords.of(answer.body()).contains("Duplicate")) {
        return new Receipt(bulkId(answer), refused, Set.of());
      }
      remaining = setAside(REMEDIATE, answer, remaining, entity -> entity.copy().networkMessageId(), refused);
    }
    return new Receipt(null, refused, Set.of());
  }

  /** Graph's bulk id from the Location of an accepted remediation: a portal address whose filter names it. */
  private String bulkId(TenantCalls.Answer answer) {
    String location = answer.headers().firstValue("Location").orElse(null);
    if (location == null && answer.status() == 409) {
      return null;
    }
    Matcher bulkId = location == null ? null
        : BULK_ID.matcher(URLDecoder.decode(location.replace("+", "%2B"), StandardCharsets.UTF_8));
    if (bulkId == null || !bulkId.find()) {
      throw new TenantException(REMEDIATE + " accepted the batch without saying its bulk id (Location: " + location
          + "); its entities are left unverified: run qrelease restart --last to send the batch again.");
    }
    return bulkId.group(1);
  }

  /**
   * Releases the batch's quarantine identities: those whose every quarantined recipient this action
   * releases to all, in one call; the others to their recipients, one call for each set of them.
   */
  private Receipt release(Batch batch) {
    Map<String, List<Entity>> byIdentity = new LinkedHashMap<>();
    batch.entities().forEach(entity -> byIdentity.computeIfAbsent(entity.copy().quarantineIdentity(),
        identity -> new ArrayList<>()).add(entity));
    Map<Set<String>, List<Entity>> byUsers = new LinkedHashMap<>();
    byIdentity.values().forEach(entities -> {
      Set<String> users = entities.stream().allMatch(Entity::toAllOfIdentity) ? Set.of()
          : entities.stream().map(entity -> entity.copy().recipient()).collect(Collectors.toCollection(TreeSet::new));
      byUsers.computeIfAbsent(users, set -> new ArrayList<>()).addAll(entities);
    });
    Map<EntityKey, String> refused = new HashMap<>();
    byUsers.forEach((users, entities) -> releaseTo(users, entities, refused));
    return new Receipt(null, refused, Set.of());
  }

  private void releaseTo(Set<String> users, List<Entity> entities, Map<EntityKey, String> refused) {
    List<Entity> remaining = entities;
    while (!remaining.isEmpty()) {
      ObjectNode parameters = json.createObjectNode();
      ArrayNode identities = parameters.putArray("Identities");
      remaining.stream().map(entity -> entity.copy().quarantineIdentity()).distinct().forEach(identities::add);
      parameters.put("Identity", "000");
      if (users.isEmpty()) {
        parameters.put("ReleaseToAll", true);
      } else {
        users.forEach(parameters.putArray("User")::add);
      }
      TenantCalls.Answer answer = invoke(RELEASE, "Release-QuarantineMessage", parameters);
      if (answer.status() / 100 == 2) {
        // An empty value is the cmdlet's whole answer; anything else (a page of HTML, an error inside
        // a 200) is not a release done.
        if (!read(RELEASE, answer).path("value").isArray()) {
          throw malformed(RELEASE, "no value");
        }
        return;
      }
      remaining = setAside(RELEASE, answer, remaining, entity -> entity.copy().quarantineIdentity(), refused);
    }
  }

  /**
   * After a 400: the entities whose name the tenant's words contain are refused with them, and the rest
   * are returned to be sent again; when the words name none, every one is refused. Any other answer
   * is not one qrelease knows how to read.
   */
  private List<Entity> setAside(String call, TenantCalls.Answer answer, List<Entity> entities,
      java.util.function.Function<Entity, String> name, Map<EntityKey, String> refused) {
    String words = TenantWords.of(answer.body());
    if (answer.status() != 400) {
      throw new TenantException(call + " answered HTTP " + answer.status() + (words.isBlank() ? "" : ": " + words)
          + "; run qrelease restart --last to send the batch again.");
    }
    String said = words.toLowerCase(Locale.ROOT);
    List<Entity> named = entities.stream().filter(entity -> said.contains(name.apply(entity).toLowerCase(Locale.ROOT)))
        .toList();
    List<Entity> rejected = named.isEmpty() ? entities : named;
    String reason = words.isBlank() ? call + " refused the batch (HTTP 400)" : words;
    rejected.forEach(entity -> refused.put(entity.copy().key(), reason));
    return named.isEmpty() ? List.of() : entities.stream().filter(entity -> !named.contains(entity)).toList();
  }

  private TenantCalls.Answer invoke(String call, String cmdlet, ObjectNode parameters) {
    ObjectNode body = json.createObjectNode();
    body.putObject("CmdletInput").put("CmdletName", cmdlet).set("Parameters", parameters);
    URI uri = URI.create(tenant.exchangeUrl() + "/adminapi/beta/" + tenant.tenantId() + "/InvokeCommand");
    return calls.post(call, EXCHANGE_ROLE, uri, exchangeScope(), json.writeValueAsString(body), "X-AnchorMailbox",
        "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + tenant.tenantId());
  }

  /** Where EmailEvents last says each entity was delivered, one hunting query for all their messages. */
  private List<Whereabouts> delivered(List<Entity> entities) {
    String ids = entities.stream().map(entity -> "\"" + entity.copy().networkMessageId() + "\"").distinct()
        .collect(Collectors.joining(", "));
    String query = "EmailEvents | where NetworkMessageId in (" + ids + ")"
        + " | project Timestamp, NetworkMessageId, RecipientEmailAddress, LatestDeliveryLocation";
    ObjectNode body = json.createObjectNode().put("Query", query);
    TenantCalls.Answer answer = calls.post(HUNTING, GRAPH_HUNTING,
        URI.create(tenant.graphUrl() + "/v1.0/security/runHuntingQuery"), graphScope(), json.writeValueAsString(body));
    JsonNode results = read(HUNTING, answer).path("results");
    if (!results.isArray()) {
      throw malformed(HUNTING, "no results");
    }
    Map<EntityKey, String> latest = new HashMap<>();
    Map<EntityKey, String> latestAt = new HashMap<>();
    for (JsonNode row : results) {
      EntityKey key = new EntityKey(row.path("NetworkMessageId").asString("").toLowerCase(Locale.ROOT),
          row.path("RecipientEmailAddress").asString("").toLowerCase(Locale.ROOT));
      String at = row.path("Timestamp").asString("");
      if (!latestAt.containsKey(key) || at.compareTo(latestAt.get(key)) >= 0) {
        latestAt.put(key, at);
        latest.put(key, row.path("LatestDeliveryLocation").asString(""));
      }
    }
    return entities.stream().map(entity -> {
      String location = latest.get(entity.copy().key());
      return new Whereabouts(entity.copy().key(), location != null && inbox(location),
          location == null ? "EmailEvents holds no row for it" : "LatestDeliveryLocation " + location);
    }).toList();
  }

  private static boolean inbox(String location) {
    try {
      return Cells.location(location) == Location.Inbox;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  /** Whether each entity's quarantined message was released to its recipient, asked once for each identity. */
  private List<Whereabouts> released(List<Entity> entities) {
    Map<String, JsonNode> byIdentity = new HashMap<>();
    for (Entity entity : entities) {
      String identity = entity.copy().quarantineIdentity();
      if (!byIdentity.containsKey(identity)) {
        ObjectNode parameters = json.createObjectNode().put("Identity", identity);
        JsonNode value = read(QUARANTINE, invoke(QUARANTINE, "Get-QuarantineMessage", parameters)).path("value");
        if (!value.isArray()) {
          throw malformed(QUARANTINE, "no value");
        }
        JsonNode row = null;
        for (JsonNode candidate : value) {
          if (identity.equalsIgnoreCase(candidate.path("Identity").asString(""))) {
            row = candidate;
          }
        }
        byIdentity.put(identity, row);
      }
    }
    return entities.stream().map(entity -> {
      JsonNode row = byIdentity.get(entity.copy().quarantineIdentity());
      if (row == null) {
        return new Whereabouts(entity.copy().key(), false, "Get-QuarantineMessage does not find it");
      }
      Set<String> releasedTo = new TreeSet<>();
      JsonNode users = row.path("ReleasedUser");
      (users.isArray() ? users : json.createArrayNode().add(users.asString(""))).forEach(
          user -> releasedTo.add(user.asString("").toLowerCase(Locale.ROOT)));
      String status = row.path("ReleaseStatus").asString("");
      return new Whereabouts(entity.copy().key(), releasedTo.contains(entity.copy().recipient()),
          "ReleaseStatus " + status);
    }).toList();
  }

  private JsonNode read(String call, TenantCalls.Answer answer) {
    if (answer.status() != 200) {
      String words = TenantWords.of(answer.body());
      throw new TenantException(call + " answered HTTP " + answer.status() + (words.isBlank() ? "" : ": " + words)
          + "; run qrelease restart --last to verify again.");
    }
    try {
      return json.readTree(answer.body());
    } catch (RuntimeException unreadable) {
      throw malformed(call, "not JSON");
    }
  }

  private static TenantException malformed(String call, String what) {
    return new TenantException(call + " answered with a body qrelease cannot read (" + what + "); nothing was"
        + " recorded as done for it: run qrelease restart --last to ask again.");
  }
}
