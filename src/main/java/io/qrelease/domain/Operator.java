package io.qrelease.domain;

import java.util.Locale;

/** A person allowed to take email actions, as the tenant file names them. */
public record Operator(String upn, Role role, Scope scope) {

  public Operator {
    upn = upn.trim().toLowerCase(Locale.ROOT);
  }
}
