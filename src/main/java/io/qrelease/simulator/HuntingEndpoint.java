package io.qrelease.simulator;

import io.qrelease.domain.Location;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Graph's Advanced Hunting, {@code runHuntingQuery} (M365-WIRE §4), over the EmailEvents the
 * simulated copies make: one row per copy, its first delivery and where it is now. Runs only the
 * {@link HuntingQuery} subset; keeps the documented limits of 30 days of data, 100,000 rows a result
 * and 45 calls a rolling minute per tenant.
 */
final class HuntingEndpoint {

  static final int CALLS_PER_MINUTE = 45;
  static final int MAX_ROWS = 100_000;
  private static final Duration RETENTION = Duration.ofDays(30);

  private final TenantState state;
  private final Clock clock;
  private final Map<String, Deque<Instant>> callsByTenant = new HashMap<>();

  HuntingEndpoint(TenantState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  Reply serve(Request request, String tenantId) {
    Instant now = clock.instant();
    Long wait = secondsUntilCallAllowed(tenantId, now);
    if (wait != null) {
      return Reply.graphError(429, "TooManyRequests", "Too many requests: the tenant has made " + CALLS_PER_MINUTE
          + " hunting calls in the last minute, the limit of calls per minute; retry in " + wait + " seconds.")
          .withHeader("Retry-After", Long.toString(wait));
    }
    JsonNode body;
    try {
      body = Reply.JSON.readTree(request.body());
    } catch (JacksonException e) {
      return badRequest("The request body is not JSON.");
    }
    String kql = body.has("Query") ? body.path("Query").asString("") : body.path("query").asString("");
    HuntingQuery query = HuntingQuery.parse(kql);
    if (query == null) {
      return badRequest("The simulator runs only 'EmailEvents' followed by any of '| where Timestamp between"
          + " (datetime(...) .. datetime(...))', '| where NetworkMessageId in (\"GUID\", ...)' and '| project"
          + " Column, ...'; this query is not of that form.");
    }
    Duration timespan;
    try {
      String text = body.has("Timespan") ? body.path("Timespan").asString("") : body.path("timespan").asString("");
      timespan = text.isBlank() ? RETENTION : Duration.parse(text);
    } catch (DateTimeParseException e) {
      return badRequest("Timespan must be an ISO 8601 duration such as P30D.");
    }
    Instant oldest = now.minus(timespan.compareTo(RETENTION) > 0 ? RETENTION : timespan);
    List<Map<String, Object>> results = new ArrayList<>();
    for (SimulatedCopy copy : query.messages() == null ? state.copies() : state.copiesOfMessages(query.messages())) {
      if (query.selects(copy) && !copy.received().isBefore(oldest)) {
        if (results.size() == MAX_ROWS) {
          return badRequest("The query returned more than " + MAX_ROWS + " rows, the limit of a result;"
              + " narrow its time range.");
        }
        results.add(row(copy, query.columns()));
      }
    }
    List<Map<String, String>> schema = new ArrayList<>();
    for (String column : query.columns()) {
      schema.add(Map.of("name", column, "type", column.equals("Timestamp") ? "DateTime" : "String"));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults");
    answer.put("schema", schema);
    answer.put("results", results);
    return Reply.json(200, answer);
  }

  /** Counts the call, or says how long until the tenant may call again. */
  private synchronized Long secondsUntilCallAllowed(String tenantId, Instant now) {
    Deque<Instant> calls = callsByTenant.computeIfAbsent(tenantId, tenant -> new ArrayDeque<>());
    Instant minuteAgo = now.minusSeconds(60);
    while (!calls.isEmpty() && !calls.peekFirst().isAfter(minuteAgo)) {
      calls.removeFirst();
    }
    if (calls.size() >= CALLS_PER_MINUTE) {
      return Math.max(1, Duration.between(minuteAgo, calls.peekFirst()).toSeconds() + 1);
    }
    calls.addLast(now);
    return null;
  }

  private static Map<String, Object> row(SimulatedCopy copy, List<String> columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      row.put(column, cell(copy, column));
    }
    return row;
  }

  private static Object cell(SimulatedCopy copy, String column) {
    switch (column) {
      case "Timestamp":
        return copy.received().toString();
      case "NetworkMessageId":
        return copy.networkMessageId();
      case "InternetMessageId":
        return copy.internetMessageId();
      case "SenderFromAddress":
        return copy.sender();
      case "RecipientEmailAddress":
        return copy.recipient();
      case "Subject":
        return copy.subject();
      case "DeliveryAction":
        return GraphEndpoints.blocked(copy.originalLocation()) ? "Blocked" : "Delivered";
      case "DeliveryLocation":
        return location(copy.originalLocation());
      case "LatestDeliveryAction":
        return GraphEndpoints.blocked(copy.location()) ? "Blocked" : "Delivered";
      case "LatestDeliveryLocation":
        return location(copy.location());
      case "ThreatTypes":
        return copy.quarantineType() == null ? "" : copy.quarantineType();
      default:
        throw new IllegalArgumentException(column + " is not an EmailEvents column the simulator has.");
    }
  }

  /** The location as EmailEvents spells it. */
  private static String location(Location location) {
    switch (location) {
      case Inbox:
        return "Inbox/folder";
      case JunkFolder:
        return "Junk folder";
      case DeletedFolder:
        return "Deleted items";
      case Quarantine:
        return "Quarantine";
      case Failed:
        return "Failed";
      case Dropped:
        return "Dropped";
      default:
        return "On-premises/external";
    }
  }

  private static Reply badRequest(String message) {
    return Reply.graphError(400, "BadRequest", message);
  }
}
