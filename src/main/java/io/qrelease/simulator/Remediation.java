package io.qrelease.simulator;

import java.time.Instant;
import java.util.List;

/** A remediation Graph accepted (202), as the client asked for it. */
public record Remediation(
    String bulkId, Instant accepted, String displayName, String description, String action, List<Entity> entities) {

  public Remediation {
    entities = List.copyOf(entities);
  }

  /** One analyzed email the remediation names. */
  public record Entity(String networkMessageId, String recipientEmailAddress) {
  }
}
