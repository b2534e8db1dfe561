package io.qrelease.testing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an operator may release, restated from SPEC §4 (rules 3 and 8) independently of the product's Scope and Role,
 * so that a property test checks the product against the specification rather than against itself.
 */
public record Entitlement(String role, List<String> scope) {

  private static final Set<String> ADMIN_ONLY = Set.of("malware", "highconfphish", "spomalware");

  /** Whether a copy for this recipient, quarantined as this type (null for none), may end up released by the operator. */
  public boolean mayRelease(String recipient, String quarantineType) {
    return covers(recipient) && (role.equals("SecurityAdministrator") || quarantineType == null
        || !ADMIN_ONLY.contains(quarantineType.toLowerCase(Locale.ROOT)));
  }

  private boolean covers(String recipient) {
    String address = recipient.toLowerCase(Locale.ROOT);
    String domain = address.substring(address.lastIndexOf('@') + 1);
    return scope.stream().map(entry -> entry.toLowerCase(Locale.ROOT).trim())
        .anyMatch(entry -> entry.equals("*") || entry.equals(address) || entry.equals(domain));
  }
}
