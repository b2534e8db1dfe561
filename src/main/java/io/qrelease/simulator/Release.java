package io.qrelease.simulator;

import java.time.Instant;
import java.util.List;

/** A Release-QuarantineMessage call Exchange accepted, as the client made it. */
public record Release(Instant accepted, List<String> identities, boolean releaseToAll, List<String> users, boolean force) {

  public Release {
    identities = List.copyOf(identities);
    users = List.copyOf(users);
  }
}
