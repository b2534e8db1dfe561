package io.qrelease.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's endpoints by the paths M365-WIRE gives them, each with the name faults and the
 * request log call it by.
 */
enum Endpoint {
  TOKEN("token", "POST", "/([^/]+)/oauth2/v2\\.0/token"),
  REMEDIATE("remediate", "POST",
      "/graph/(v1\\.0|beta)/security/collaboration/analyzedEmails/(?:microsoft\\.graph\\.security\\.)?remediate"),
  ANALYZED_EMAILS("analyzedEmails", "GET", "/graph/(v1\\.0|beta)/security/collaboration/analyzedEmails"),
  HUNTING("hunting", "POST", "/graph/(v1\\.0|beta)/security/(?:microsoft\\.graph\\.security\\.)?runHuntingQuery"),
  EXCHANGE("exchange", "POST", "/exchange/adminapi/(beta|v1\\.0)/([^/]+)/InvokeCommand"),
  SIMULATOR("simulator", null, "/_simulator/(faults|state|requests)"),
  UNKNOWN("unknown", null, "");

  private final String name;
  private final String method;
  private final Pattern path;

  Endpoint(String name, String method, String path) {
    this.name = name;
    this.method = method;
    this.path = Pattern.compile(path);
  }

  /** The name faults and the request log use: token, remediate, analyzedEmails, hunting, exchange. */
  String label() {
    return name;
  }

  /** The method the endpoint takes, or null when it takes several. */
  String method() {
    return method;
  }

  /** The endpoint of the path with the path's matched groups. */
  static Match of(String path) {
    for (Endpoint endpoint : values()) {
      Matcher matcher = endpoint.path.matcher(path);
      if (endpoint != UNKNOWN && matcher.matches()) {
        return new Match(endpoint, matcher);
      }
    }
    return new Match(UNKNOWN, null);
  }

  static Endpoint named(String label) {
    for (Endpoint endpoint : values()) {
      if (endpoint.name.equals(label) && endpoint != SIMULATOR && endpoint != UNKNOWN) {
        return endpoint;
      }
    }
    throw new IllegalArgumentException("'" + label + "' is not an endpoint; faults go to token, remediate,"
        + " analyzedEmails, hunting or exchange.");
  }

  boolean isGraph() {
    return this == REMEDIATE || this == ANALYZED_EMAILS || this == HUNTING;
  }

  /** An endpoint and the groups its path pattern matched (the tenant id, the API version...). */
  record Match(Endpoint endpoint, Matcher groups) {
    String group(int index) {
      return groups.group(index);
    }
  }
}
