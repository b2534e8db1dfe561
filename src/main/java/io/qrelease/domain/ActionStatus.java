package io.qrelease.domain;

/** Where an action stands in the Action center. */
public enum ActionStatus {
  Queued, InProgress, Completed, Failed, Stopped, DryRun
}
