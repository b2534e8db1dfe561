package io.qrelease.schedule;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.Location;
import io.qrelease.domain.QuarantineType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which copies of the store a custom detection rule selects. Within a key any value matches;
 * every key given must match. Addresses, domains and subject words are matched ignoring case,
 * domains exactly (contoso.com does not cover mail.contoso.com).
 *
 * @param locations where the copy is now; none given means where the action can act from
 * @param recipients recipient addresses or domains
 * @param receivedWithin how far back from the end of the run's window; null for the schedule's lookback
 */
public record RuleFilter(
    List<Location> locations,
    List<QuarantineType> quarantineTypes,
    List<String> senderAddresses,
    List<String> senderDomains,
    List<String> recipients,
    List<String> subjectContains,
    Duration receivedWithin) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public RuleFilter {
    locations = List.copyOf(locations);
    quarantineTypes = List.copyOf(quarantineTypes);
    senderAddresses = List.copyOf(senderAddresses);
    senderDomains = List.copyOf(senderDomains);
    recipients = List.copyOf(recipients);
    subjectContains = List.copyOf(subjectContains);
  }

  /**
   * Whether the filter names what it is after. Locations and the time window only say where and
   * when to look: a rule with nothing else would release everything there.
   */
  public boolean namesWhat() {
    return !quarantineTypes.isEmpty() || !senderAddresses.isEmpty() || !senderDomains.isEmpty()
        || !recipients.isEmpty() || !subjectContains.isEmpty();
  }

  /** The locations to select from: those given, else every location the action can move a copy from. */
  public List<Location> locationsFor(ActionType action) {
    if (!locations.isEmpty()) {
      return locations;
    }
    return List.copyOf(action == ActionType.Release ? EnumSet.of(Location.Quarantine)
        : EnumSet.of(Location.Quarantine, Location.JunkFolder, Location.DeletedFolder));
  }

  /** The filter as a job parameter: the same filter always gives the same text. */
  public String toParameter() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("locations", locations.stream().map(Enum::name).toList());
    values.put("quarantineTypes", quarantineTypes.stream().map(Enum::name).toList());
    values.put("senderAddresses", senderAddresses);
    values.put("senderDomains", senderDomains);
    values.put("recipients", recipients);
    values.put("subjectContains", subjectContains);
    values.put("receivedWithin", receivedWithin == null ? List.of() : List.of(receivedWithin.toString()));
    return JSON.writeValueAsString(values);
  }

  public static RuleFilter fromParameter(String text) {
    Map<String, List<String>> values = JSON.readValue(text, new TypeReference<Map<String, List<String>>>() { });
    List<String> within = values.get("receivedWithin");
    return new RuleFilter(
        values.get("locations").stream().map(Location::valueOf).toList(),
        values.get("quarantineTypes").stream().map(QuarantineType::valueOf).toList(),
        values.get("senderAddresses"), values.get("senderDomains"), values.get("recipients"),
        values.get("subjectContains"), within.isEmpty() ? null : Duration.parse(within.get(0)));
  }
}
