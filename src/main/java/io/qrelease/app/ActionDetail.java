package io.qrelease.app;

import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import java.time.Instant;
import java.util.Map;

/** One action with everything its page shows but its entities, in the shape every front end serializes. */
public record ActionDetail(String actionId, String name, String source, String actionType, String operator,
    String status, Instant createdAt, Instant finishedAt, long executionId, Integer exitCode,
    Map<String, Long> results, String releaseTo, String inputFile, long rowsRead, long duplicatesCollapsed,
    long total, Map<String, Long> reasons, TenantDelivery tenant) {

  public static ActionDetail of(ActionRecord action, ActionCounts counts, TenantDelivery tenant) {
    return new ActionDetail(action.actionId(), action.name(), action.source(), action.actionType(),
        action.operator(), action.status(), action.createdAt(), action.finishedAt(), action.jobExecutionId(),
        action.exitCode(), counts.results(), action.releaseTo(), action.inputFile(), action.rowsRead(),
        action.duplicateRows(), counts.total(), counts.reasons(), tenant);
  }
}
