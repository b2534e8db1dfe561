package io.qrelease.simulator;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Graph's email remediation and where an email is now (M365-WIRE §2, §3):
 * {@code analyzedEmails/remediate} (also by its qualified name) and {@code GET analyzedEmails}.
 *
 * <p>The actions move the copies the simulator knows: moveToInbox to the Inbox (a quarantined copy
 * is released to its recipient on the way), moveToJunk to the junk folder, and moveToDeletedItems,
 * softDelete and hardDelete to the deleted items folder, which is as far as a location can tell.
 */
final class GraphEndpoints {

  private static final Map<String, Location> DESTINATIONS = Map.of(
      "moveToInbox", Location.Inbox, "moveToJunk", Location.JunkFolder, "moveToDeletedItems", Location.DeletedFolder,
      "softDelete", Location.DeletedFolder, "hardDelete", Location.DeletedFolder);
  private static final Pattern FILTER_CLAUSE = Pattern.compile("\\s*(\\w+)\\s+eq\\s+'([^']*)'\\s*");

  private final TenantState state;
  private final Clock clock;

  GraphEndpoints(TenantState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  /**
   * Accepts a remediation with 202 and {@code Location:
   * https://security.microsoft.com/action-center/history?filters=%7B%22bulkId%22%3A%5B%22<bulkId>%22%5D%7D&tid=<tenantId>}:
   * the filters value is {@code {"bulkId":["<bulkId>"]}} percent-encoded, so the header is a valid URI
   * whose query a client decodes to find the bulk id.
   */
  Reply remediate(Request request, String tenantId) {
    JsonNode body;
    try {
      body = Reply.JSON.readTree(request.body());
    } catch (JacksonException e) {
      return badRequest("The request body is not JSON.");
    }
    String problem = remediationProblem(body);
    if (problem != null) {
      return badRequest(problem);
    }
    List<Remediation.Entity> entities = new ArrayList<>();
    for (JsonNode email : body.get("analyzedEmails")) {
      entities.add(new Remediation.Entity(email.get("networkMessageId").asString(), email.get("recipientEmailAddress").asString()));
    }
    String bulkId = UUID.randomUUID().toString();
    synchronized (state) {
      for (Remediation.Entity entity : entities) {
        String refusal = state.refusal(entity.networkMessageId());
        if (refusal != null) {
          return badRequest(refusal + " (networkMessageId " + entity.networkMessageId() + ")");
        }
      }
      String action = body.get("action").asString();
      state.accept(new Remediation(bulkId, clock.instant(), body.get("displayName").asString(),
          body.path("description").asString(""), action, entities), DESTINATIONS.get(action));
    }
    String filters = URLEncoder.encode("{\"bulkId\":[\"" + bulkId + "\"]}", StandardCharsets.UTF_8);
    return Reply.empty(202).withHeader("Location",
        "https://security.microsoft.com/action-center/history?filters=" + filters + "&tid=" + tenantId);
  }

  /** {@code GET analyzedEmails} with {@code $filter} on networkMessageId and/or recipientEmailAddress. */
  Reply analyzedEmails(Request request, boolean beta) {
    Map<String, String> query = request.query();
    Instant start;
    Instant end;
    try {
      start = instant(query.get("startTime"), Instant.MIN);
      end = instant(query.get("endTime"), Instant.MAX);
    } catch (DateTimeException e) {
      return badRequest("startTime and endTime must be ISO 8601 date-times such as 2026-11-20T00:00:00Z.");
    }
    if (beta && (start == Instant.MIN || end == Instant.MAX)) {
      return badRequest("startTime and endTime are required.");
    }
    Map<String, String> filter = new LinkedHashMap<>();
    String filterText = query.getOrDefault("$filter", "");
    if (!filterText.isBlank()) {
      for (String clause : filterText.split("(?i)\\s+and\\s+")) {
        Matcher matcher = FILTER_CLAUSE.matcher(clause);
        if (!matcher.matches() || !List.of("networkMessageId", "recipientEmailAddress").contains(matcher.group(1))) {
          return badRequest("The simulator filters analyzedEmails only by networkMessageId eq '...' and"
              + " recipientEmailAddress eq '...', joined by 'and'; '" + clause.trim() + "' is not one of them.");
        }
        filter.put(matcher.group(1), matcher.group(2));
      }
    }
    String message = filter.get("networkMessageId");
    String recipient = filter.get("recipientEmailAddress");
    List<SimulatedCopy> candidates;
    if (message != null && recipient != null) {
      SimulatedCopy copy = state.copy(message, recipient);
      candidates = copy == null ? List.of() : List.of(copy);
    } else {
      candidates = state.copies();
    }
    List<Map<String, Object>> value = new ArrayList<>();
    for (SimulatedCopy copy : candidates) {
      if ((message == null || copy.networkMessageId().equalsIgnoreCase(message))
          && (recipient == null || copy.recipient().equalsIgnoreCase(recipient))
          && !copy.received().isBefore(start) && !copy.received().isAfter(end)) {
        value.add(analyzedEmail(copy));
      }
    }
    return Reply.json(200, Map.of("@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#security/collaboration/analyzedEmails", "value", value));
  }

  private static Map<String, Object> analyzedEmail(SimulatedCopy copy) {
    Map<String, Object> email = new LinkedHashMap<>();
    email.put("id", UUID.nameUUIDFromBytes(copy.key().getBytes(StandardCharsets.UTF_8)).toString());
    email.put("networkMessageId", copy.networkMessageId());
    email.put("internetMessageId", copy.internetMessageId());
    email.put("loggedDateTime", copy.received().toString());
    email.put("recipientEmailAddress", copy.recipient());
    email.put("senderDetail", Map.of("fromAddress", copy.sender()));
    email.put("subject", copy.subject());
    email.put("directionality", copy.direction() == null ? "unknown" : copy.direction().toLowerCase());
    email.put("originalDelivery", Map.of("action", blocked(copy.originalLocation()) ? "blocked" : "delivered",
        "location", location(copy.originalLocation())));
    email.put("latestDelivery", Map.of("action", blocked(copy.location()) ? "blocked" : "delivered",
        "location", location(copy.location())));
    return email;
  }

  /** Whether a copy there was kept from the mailbox rather than delivered, as both Graph and EmailEvents say. */
  static boolean blocked(Location location) {
    return location == Location.Quarantine || location == Location.Failed || location == Location.Dropped;
  }

  /** The location as analyzedEmails spells it. */
  private static String location(Location location) {
    switch (location) {
      case Inbox:
        return "inbox_folder";
      case JunkFolder:
        return "junkFolder";
      case DeletedFolder:
        return "deletedFolder";
      case Quarantine:
        return "quarantine";
      case Failed:
        return "failed";
      case Dropped:
        return "dropped";
      case OnPremExternal:
        return "onprem_external";
      default:
        return "unknown";
    }
  }

  private static Instant instant(String text, Instant absent) {
    return text == null || text.isBlank() ? absent : Instant.parse(text.trim());
  }

  private static String remediationProblem(JsonNode body) {
    if (!body.isObject()) {
      return "The request body must be a JSON object.";
    }
    if (!body.path("displayName").isString() || body.path("displayName").asString().isBlank()) {
      return "displayName is required.";
    }
    if (!DESTINATIONS.containsKey(body.path("action").asString(""))) {
      return "action must be one of moveToInbox, moveToJunk, moveToDeletedItems, softDelete, hardDelete; it was '"
          + body.path("action").asString("") + "'.";
    }
    JsonNode sendersCopy = body.path("remediateSendersCopy");
    if (!sendersCopy.isBoolean() && !List.of("true", "false").contains(sendersCopy.asString(""))) {
      return "remediateSendersCopy must be true or false.";
    }
    JsonNode emails = body.path("analyzedEmails");
    if (!emails.isArray() || emails.isEmpty()) {
      return "analyzedEmails must be a non-empty array of {networkMessageId, recipientEmailAddress}.";
    }
    for (JsonNode email : emails) {
      if (!EntityKey.isMessageId(email.path("networkMessageId").asString(""))
          || !EntityKey.isAddress(email.path("recipientEmailAddress").asString(""))) {
        return "Each analyzed email needs a networkMessageId GUID and a recipientEmailAddress; " + email + " has not.";
      }
    }
    return null;
  }

  private static Reply badRequest(String message) {
    return Reply.graphError(400, "BadRequest", message);
  }
}
