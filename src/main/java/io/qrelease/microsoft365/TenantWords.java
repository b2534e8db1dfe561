package io.qrelease.microsoft365;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a tenant's error body says, in the one place each endpoint keeps it (M365-WIRE §1, §5, §7):
 * Exchange's cmdlet errors in {@code error.details[].message}, sometimes a JSON text itself, then its
 * inner exception; Graph's in {@code error.message}; the sign-in service's in {@code error_description}.
 */
final class TenantWords {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TenantWords() {
  }

  /** The words, or "" when the body says nothing readable (Exchange's 403 is NUL bytes). */
  static String of(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (RuntimeException notJson) {
      return "";
    }
    if (root == null || !root.isObject()) {
      return "";
    }
    JsonNode error = root.path("error");
    for (JsonNode detail : error.path("details")) {
      String message = detail.path("message").asString("");
      if (!message.isBlank()) {
        String nested = message.trim().startsWith("{") ? of(message) : "";
        return nested.isBlank() ? message : nested;
      }
    }
    for (String text : new String[] {error.path("innererror").path("internalexception").path("message").asString(""),
        error.isString() ? root.path("error_description").asString("") : error.path("message").asString("")}) {
      if (!text.isBlank()) {
        return text;
      }
    }
    return "";
  }
}
