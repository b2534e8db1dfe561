package io.qrelease.jobs;

import java.time.Instant;

/**
 * One run of a job as Spring Batch recorded it, with the rows its steps read and wrote.
 *
 * @param actionId the Action center record of a release; null for an import
 * @param resumedBy the execution that carried this one's work on; null when none did
 */
public record ExecutionRecord(long executionId, String job, String status, long rowsRead, long rowsWritten,
    Instant startedAt, Instant endedAt, String actionId, Long resumedBy) {

  /** Failed or stopped: a run that can be resumed from its last committed chunk, unless a later one carried it on. */
  public boolean unfinished() {
    return status.equals("FAILED") || status.equals("STOPPED");
  }
}
