package io.qrelease.domain;

/** The outcome recorded in an entity's audit row. */
public enum Result {
  Success, AlreadyInDestination, Skipped, Failed
}
