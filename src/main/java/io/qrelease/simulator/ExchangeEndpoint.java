package io.qrelease.simulator;

import io.qrelease.input.Cells;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Exchange Online's admin API, {@code POST adminapi/beta/{tenantId}/InvokeCommand} (M365-WIRE §5,
 * §6), running the two quarantine cmdlets over the simulated copies. One quarantine row is one
 * identity with all its recipients.
 */
final class ExchangeEndpoint {

  static final String NOT_FOUND = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException";
  static final String VALIDATION = "Microsoft.Exchange.Management.Tasks.ValidationException";
  static final String PARAMETER = "System.Management.Automation.ParameterBindingValidationException";
  /** What the real service answers an app without the directory role, or a cmdlet it does not know. */
  static final Reply FORBIDDEN = new Reply(403, Map.of(), new byte[16]);

  private static final Duration DEFAULT_SINCE = Duration.ofDays(16);
  private static final Duration OLDEST = Duration.ofDays(30);
  private static final int MAX_PAGE = 1000;
  private static final int DEFAULT_PAGE_SIZE = 100;

  private final TenantState state;
  private final Clock clock;

  ExchangeEndpoint(TenantState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  Reply serve(Request request) {
    JsonNode input;
    try {
      input = Reply.JSON.readTree(request.body()).path("CmdletInput");
    } catch (JacksonException e) {
      return Reply.exchangeError(400, PARAMETER, "The request body is not JSON.");
    }
    JsonNode parameters = input.path("Parameters");
    String cmdlet = input.path("CmdletName").asString("");
    if (cmdlet.equalsIgnoreCase("Get-QuarantineMessage")) {
      return getQuarantineMessage(parameters);
    }
    if (cmdlet.equalsIgnoreCase("Release-QuarantineMessage")) {
      return releaseQuarantineMessage(parameters);
    }
    return FORBIDDEN;
  }

  /**
   * Lists quarantine rows, newest first. An Identity that names a row gives that row; an empty,
   * null or unknown Identity gives every row, as the real cmdlet does.
   */
  private Reply getQuarantineMessage(JsonNode parameters) {
    String identity = parameters.path("Identity").asString("");
    if (!identity.isBlank()) {
      List<SimulatedCopy> copies = state.copiesOfIdentity(identity);
      if (!copies.isEmpty()) {
        return rows(List.of(row(copies)));
      }
    }
    int pageSize = parameters.path("PageSize").asInt(DEFAULT_PAGE_SIZE);
    int page = parameters.path("Page").asInt(1);
    if (pageSize < 1 || pageSize > MAX_PAGE || page < 1 || page > MAX_PAGE) {
      return Reply.exchangeError(400, PARAMETER, "Cannot validate argument on parameter '"
          + (pageSize < 1 || pageSize > MAX_PAGE ? "PageSize" : "Page") + "'. The argument is outside the range 1 to 1000.");
    }
    Instant now = clock.instant();
    Instant start;
    Instant end;
    try {
      start = date(parameters.path("StartReceivedDate"), now.minus(DEFAULT_SINCE));
      end = date(parameters.path("EndReceivedDate"), now);
    } catch (IllegalArgumentException e) {
      return Reply.exchangeError(400, PARAMETER, "StartReceivedDate and EndReceivedDate must be dates: " + e.getMessage() + ".");
    }
    if (start.isBefore(now.minus(OLDEST))) {
      return Reply.exchangeError(400, VALIDATION, "The StartReceivedDate can't be more than 30 days in the past.");
    }
    Set<String> statuses = values(parameters.path("ReleaseStatus"));
    Set<String> recipients = values(parameters.path("RecipientAddress"));
    Set<String> types = values(parameters.path("QuarantineTypes"));
    Map<String, List<SimulatedCopy>> byIdentity = new LinkedHashMap<>();
    for (SimulatedCopy copy : state.copies()) {
      if (copy.identity() != null && !copy.received().isBefore(start) && !copy.received().isAfter(end)) {
        byIdentity.computeIfAbsent(copy.identity().toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(copy);
      }
    }
    List<List<SimulatedCopy>> matching = new ArrayList<>();
    for (List<SimulatedCopy> copies : byIdentity.values()) {
      SimulatedCopy first = copies.get(0);
      if ((statuses.isEmpty() || statuses.contains(releaseStatus(copies).toLowerCase(Locale.ROOT)))
          && (recipients.isEmpty() || copies.stream().anyMatch(copy -> recipients.contains(copy.recipient())))
          && (types.isEmpty() || types.contains(String.valueOf(first.quarantineType()).toLowerCase(Locale.ROOT)))) {
        matching.add(copies);
      }
    }
    matching.sort(Comparator.comparing((List<SimulatedCopy> copies) -> copies.get(0).received()).reversed());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = (page - 1) * pageSize; i < Math.min(matching.size(), page * pageSize); i++) {
      rows.add(row(matching.get(i)));
    }
    return rows(rows);
  }

  private Reply releaseQuarantineMessage(JsonNode parameters) {
    List<String> identities = new ArrayList<>(strings(parameters.path("Identities")));
    if (identities.isEmpty() && !parameters.path("Identity").asString("").isBlank()) {
      identities.add(parameters.path("Identity").asString().trim());
    }
    if (identities.isEmpty()) {
      return Reply.exchangeError(400, PARAMETER, "Cannot bind argument to parameter 'Identity' because it is an empty string.");
    }
    boolean toAll = parameters.path("ReleaseToAll").asBoolean(false);
    Set<String> users = values(parameters.path("User"));
    if (toAll == !users.isEmpty()) {
      return Reply.exchangeError(400, VALIDATION, "You must either release the message to all recipients or to specific ones.");
    }
    boolean force = parameters.path("Force").asBoolean(false);
    synchronized (state) {
      List<SimulatedCopy> released = new ArrayList<>();
      for (String identity : identities) {
        List<SimulatedCopy> copies = state.copiesOfIdentity(identity);
        if (copies.isEmpty()) {
          return Reply.exchangeError(400, NOT_FOUND,
              "The operation couldn't be performed because object '" + identity + "' couldn't be found.");
        }
        String refusal = state.refusal(identity);
        if (refusal == null) {
          refusal = state.refusal(copies.get(0).networkMessageId());
        }
        if (refusal != null) {
          return Reply.exchangeError(400, VALIDATION, "Message '" + copies.get(0).identity() + "' could not be released. " + refusal);
        }
        for (SimulatedCopy copy : copies) {
          if ((toAll || users.contains(copy.recipient())) && (force || !copy.isReleased())) {
            released.add(copy);
          }
        }
      }
      state.accept(new Release(clock.instant(), identities, toAll, List.copyOf(users), force), released);
    }
    return rows(List.of());
  }

  private static Reply rows(List<Map<String, Object>> rows) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("@odata.context", "https://outlook.office365.com/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)");
    answer.put("adminapi.warnings@odata.type", "#Collection(String)");
    answer.put("@adminapi.warnings", List.of());
    answer.put("value", rows);
    return Reply.json(200, answer);
  }

  /** One quarantine row, with the sidecar type keys the real service adds. */
  private static Map<String, Object> row(List<SimulatedCopy> copies) {
    SimulatedCopy first = copies.get(0);
    List<String> recipients = new ArrayList<>();
    Set<String> releasedUsers = new LinkedHashSet<>();
    for (SimulatedCopy copy : copies) {
      recipients.add(copy.recipient());
      releasedUsers.addAll(copy.releasedUsers());
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Identity@data.type", "System.String");
    row.put("Identity", first.identity());
    row.put("ReceivedTime@data.type", "System.DateTime");
    row.put("ReceivedTime", first.received().toString());
    row.put("MessageId", first.internetMessageId());
    row.put("SenderAddress", first.sender());
    row.put("RecipientAddress@odata.type", "#Collection(String)");
    row.put("RecipientAddress", recipients);
    row.put("Subject", first.subject());
    row.put("Size", 4096);
    row.put("Type", first.quarantineType());
    row.put("QuarantineTypes", first.quarantineType());
    row.put("PolicyType", first.policyType());
    row.put("PolicyName", first.policyName());
    row.put("Expires@data.type", "System.DateTime");
    row.put("Expires", first.expires() == null ? null : first.expires().toString());
    row.put("Released", !releasedUsers.isEmpty());
    row.put("ReleaseStatus", releaseStatus(copies).toUpperCase(Locale.ROOT));
    row.put("ReleasedUser@odata.type", "#Collection(String)");
    row.put("ReleasedUser", List.copyOf(releasedUsers));
    row.put("RecipientCount", copies.size());
    row.put("Direction", first.direction());
    row.put("EntityType", "Email");
    return row;
  }

  /** A row's status: preparing while any copy is, released once every copy is, else its first copy's. */
  private static String releaseStatus(List<SimulatedCopy> copies) {
    if (copies.stream().anyMatch(copy -> "PreparingToRelease".equalsIgnoreCase(copy.releaseStatus()))) {
      return "PreparingToRelease";
    }
    if (copies.stream().allMatch(SimulatedCopy::isReleased)) {
      return "Released";
    }
    return copies.stream().filter(copy -> !copy.isReleased()).findFirst().orElseThrow().releaseStatus();
  }

  /** A parameter given as one string or an array of strings, in lower case, to compare. */
  private static Set<String> values(JsonNode parameter) {
    Set<String> values = new LinkedHashSet<>();
    strings(parameter).forEach(value -> values.add(value.toLowerCase(Locale.ROOT)));
    return values;
  }

  /** A parameter given as one string or an array of strings, trimmed, blanks left out. */
  private static Set<String> strings(JsonNode parameter) {
    Set<String> strings = new LinkedHashSet<>();
    if (parameter.isArray()) {
      parameter.forEach(value -> strings.add(value.asString("").trim()));
    } else if (parameter.isString()) {
      strings.add(parameter.asString().trim());
    }
    strings.remove("");
    return strings;
  }

  private static Instant date(JsonNode parameter, Instant absent) {
    String text = parameter.asString("");
    return text.isBlank() ? absent : Cells.instant(text);
  }
}
