package io.qrelease.domain;

import java.time.Duration;
import java.util.List;

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
    return locations.isEmpty() ? List.copyOf(action.actsFrom()) : locations;
  }
}
