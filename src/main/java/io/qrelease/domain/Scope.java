package io.qrelease.domain;

import java.util.List;
import java.util.Locale;

/**
 * The recipients an operator may act for: {@code *}, a recipient domain (exact, so
 * {@code contoso.com} does not cover {@code eu.contoso.com}), or an address.
 */
public record Scope(List<String> entries) {

  public Scope {
    entries = entries.stream().map(entry -> entry.trim().toLowerCase(Locale.ROOT)).toList();
  }

  public boolean covers(String recipient) {
    String address = recipient.toLowerCase(Locale.ROOT);
    String domain = address.substring(address.indexOf('@') + 1);
    return entries.stream().anyMatch(entry -> entry.equals("*") || entry.equals(address) || entry.equals(domain));
  }
}
