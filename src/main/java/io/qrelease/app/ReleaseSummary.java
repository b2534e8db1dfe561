package io.qrelease.app;

import io.qrelease.store.ActionCounts;
import io.qrelease.store.ActionRecord;
import java.time.Duration;
import java.util.Map;

/**
 * What one release came to, in the shape every front end serializes (the command line's
 * --summary-json); {@code tenant} is null for a release that sent nothing to a tenant.
 */
public record ReleaseSummary(String actionId, long executionId, String status, int exitCode, String name,
    String source, String actionType, String operator, String releaseTo, boolean dryRun, long total, long rowsRead,
    long entities, long duplicatesCollapsed, long durationMs, Map<String, Long> results, Map<String, Long> reasons,
    TenantDelivery tenant) {

  /** An action a run left without an exit code did not finish: it counts as failed. */
  public static ReleaseSummary of(ActionRecord action, ActionCounts counts, TenantDelivery tenant, Duration elapsed) {
    return new ReleaseSummary(action.actionId(), action.jobExecutionId(), action.status(),
        action.exitCode() == null ? 1 : action.exitCode(), action.name(), action.source(), action.actionType(),
        action.operator(), action.releaseTo(), action.dryRun(), counts.total(), action.rowsRead(), action.entities(),
        action.duplicateRows(), elapsed.toMillis(), counts.results(), counts.reasons(), tenant);
  }
}
