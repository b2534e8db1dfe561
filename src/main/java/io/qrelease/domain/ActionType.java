package io.qrelease.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The two email actions: release only acts on quarantined copies, move-to-inbox on any deliverable one. */
public enum ActionType {
  MoveToInbox("move-to-inbox"), Release("release");

  private final String option;

  ActionType(String option) {
    this.option = option;
  }

  public String option() {
    return option;
  }

  /** Where a copy may be for this action to move it to the Inbox: release takes only quarantined copies. */
  public Set<Location> actsFrom() {
    return this == Release ? EnumSet.of(Location.Quarantine)
        : EnumSet.of(Location.Quarantine, Location.JunkFolder, Location.DeletedFolder);
  }

  public static ActionType fromOption(String value) {
    return Arrays.stream(values())
        .filter(type -> type.option.equalsIgnoreCase(value) || type.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Unknown action '" + value + "': use one of " + Arrays.stream(values()).map(ActionType::option).collect(Collectors.joining(", ")) + "."));
  }
}
