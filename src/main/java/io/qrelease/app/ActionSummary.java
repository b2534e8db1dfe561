package io.qrelease.app;

import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import java.time.Instant;
import java.util.Map;

/** An action as the Action center lists it, in the shape every front end serializes. */
public record ActionSummary(String actionId, String name, String source, String actionType, String operator,
    String status, Instant createdAt, Instant finishedAt, long executionId, Integer exitCode,
    Map<String, Long> results) {

  public static ActionSummary of(ActionRecord action, ActionCounts counts) {
    return new ActionSummary(action.actionId(), action.name(), action.source(), action.actionType(),
        action.operator(), action.status(), action.createdAt(), action.finishedAt(), action.jobExecutionId(),
        action.exitCode(), counts.results());
  }
}
