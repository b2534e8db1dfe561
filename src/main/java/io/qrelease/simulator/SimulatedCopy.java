package io.qrelease.simulator;

import io.qrelease.domain.Location;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One mail copy in the simulated tenant: a message as one recipient got it. A quarantined message
 * with several recipients is one Exchange quarantine row (one {@code identity}) and several copies.
 *
 * @param identity the quarantine identity {@code GUID\GUID}, the first GUID being the network
 *     message id; null for a copy that was never quarantined
 * @param releaseStatus as Exchange spells it: NotReleased, PreparingToRelease, Released, Requested,
 *     Approved, Denied, Error
 * @param originalLocation where the copy was delivered first (EmailEvents' DeliveryLocation)
 * @param location where the copy is now (EmailEvents' LatestDeliveryLocation)
 */
public record SimulatedCopy(
    String identity,
    String networkMessageId,
    String recipient,
    String internetMessageId,
    String sender,
    String subject,
    Instant received,
    String quarantineType,
    String policyType,
    String policyName,
    Instant expires,
    String releaseStatus,
    List<String> releasedUsers,
    Location originalLocation,
    Location location,
    String direction) {

  /** Quarantined copies expire after 30 days unless their policy keeps them longer. */
  private static final Duration RETENTION = Duration.ofDays(30);

  public SimulatedCopy {
    networkMessageId = networkMessageId.toLowerCase(Locale.ROOT);
    recipient = recipient.toLowerCase(Locale.ROOT);
    releasedUsers = List.copyOf(releasedUsers);
  }

  /** A spam copy in quarantine, not released, with the quarantine identity given. */
  public static SimulatedCopy quarantined(String identity, String recipient, Instant received) {
    String networkMessageId = identity.substring(0, identity.indexOf('\\'));
    return new SimulatedCopy(identity, networkMessageId, recipient, "<" + networkMessageId + "@sender.example>",
        "sender@sender.example", "Simulated message", received, "Spam", "HostedContentFilterPolicy", "Default",
        received.plus(RETENTION), "NotReleased", List.of(), Location.Quarantine, Location.Quarantine, "Inbound");
  }

  /** A copy delivered to a folder (or failed, dropped...), never quarantined. */
  public static SimulatedCopy delivered(String networkMessageId, String recipient, Instant received, Location location) {
    return new SimulatedCopy(null, networkMessageId, recipient, "<" + networkMessageId + "@sender.example>",
        "sender@sender.example", "Simulated message", received, null, null, null, null, null, List.of(), location,
        location, "Inbound");
  }

  public SimulatedCopy withReleaseStatus(String newStatus) {
    return new SimulatedCopy(identity, networkMessageId, recipient, internetMessageId, sender, subject, received,
        quarantineType, policyType, policyName, expires, newStatus, releasedUsers, originalLocation, location,
        direction);
  }

  public SimulatedCopy withLocation(Location newLocation) {
    return new SimulatedCopy(identity, networkMessageId, recipient, internetMessageId, sender, subject, received,
        quarantineType, policyType, policyName, expires, releaseStatus, releasedUsers, originalLocation, newLocation,
        direction);
  }

  /** Released to its recipient: in the Inbox, with the recipient among the released users. */
  SimulatedCopy released() {
    List<String> users = new ArrayList<>(releasedUsers);
    if (!users.contains(recipient)) {
      users.add(recipient);
    }
    return new SimulatedCopy(identity, networkMessageId, recipient, internetMessageId, sender, subject, received,
        quarantineType, policyType, policyName, expires, "Released", users, originalLocation, Location.Inbox,
        direction);
  }

  boolean isReleased() {
    return "Released".equalsIgnoreCase(releaseStatus);
  }

  /** The key of the copy in the tenant: one message, one recipient. */
  String key() {
    return networkMessageId + "|" + recipient;
  }
}
