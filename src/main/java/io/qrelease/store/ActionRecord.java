package io.qrelease.store;

import java.time.Instant;

/** One bulk action as the Action center lists it. */
public record ActionRecord(
    String actionId,
    long jobInstanceId,
    long jobExecutionId,
    String name,
    String source,
    String actionType,
    String operator,
    String releaseTo,
    String inputFile,
    String status,
    Instant createdAt,
    Instant finishedAt,
    long rowsRead,
    long entities,
    long duplicateRows,
    Integer exitCode,
    boolean dryRun) {
}
