package io.qrelease.domain;

public enum ReleaseStatus {
  NotReleased, Requested, Approved, Denied, Released
}
