package io.qrelease.domain;

public enum Role {
  SecurityAdministrator, SecurityOperator, SecurityReader;

  public boolean mayReleaseAdminOnlyTypes() {
    return this == SecurityAdministrator;
  }

  public boolean mayChangeCopies() {
    return this != SecurityReader;
  }
}
