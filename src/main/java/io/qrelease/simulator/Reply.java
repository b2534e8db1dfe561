package io.qrelease.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an endpoint answers. The error bodies of Microsoft's three services (M365-WIRE §1, §5, §7)
 * are made here and nowhere else, so that every endpoint and fault speaks them alike.
 */
record Reply(int status, Map<String, String> headers, byte[] body) {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Not an answer: the connection is closed without one. */
  static final Reply RESET = new Reply(0, Map.of(), new byte[0]);

  static Reply json(int status, Object value) {
    return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), JSON.writeValueAsBytes(value));
  }

  static Reply text(int status, String contentType, String body) {
    return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0]);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body);
  }

  /** Graph's error body: {"error":{"code","message","innerError":{...}}}. */
  static Reply graphError(int status, String code, String message) {
    Map<String, Object> innerError = new LinkedHashMap<>();
    innerError.put("date", Instant.now().toString());
    innerError.put("request-id", UUID.randomUUID().toString());
    innerError.put("client-request-id", UUID.randomUUID().toString());
    if (status == 429) {
      innerError.put("code", "429");
      innerError.put("status", "429");
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("innerError", innerError);
    return json(status, Map.of("error", error));
  }

  /** The identity platform's error body: {"error","error_description","error_codes",...}. */
  static Reply identityError(int status, String error, int aadsts, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", "AADSTS" + aadsts + ": " + description + " Trace ID: " + UUID.randomUUID()
        + " Correlation ID: " + UUID.randomUUID() + " Timestamp: " + Instant.now());
    body.put("error_codes", List.of(aadsts));
    body.put("timestamp", Instant.now().toString());
    body.put("trace_id", UUID.randomUUID().toString());
    body.put("correlation_id", UUID.randomUUID().toString());
    return json(status, body);
  }

  /**
   * Exchange's cmdlet error: the useful text is in {@code error.details[].message}, prefixed with
   * an error id and the exception's class as the real service does.
   */
  static Reply exchangeError(int status, String exception, String message) {
    String detail = "Ex6F9304|" + exception + "|" + message;
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status == 400 ? "BadRequest" : "Status" + status);
    error.put("message", "Error executing cmdlet");
    error.put("details", List.of(Map.of("code", "Context", "target", "", "message", detail)));
    error.put("innererror", Map.of("message", "Error executing cmdlet", "type", "Microsoft.Exchange.Admin.OData.Core.ODataServiceException",
        "internalexception", Map.of("message", message, "type", exception)));
    return json(status, Map.of("error", error));
  }
}
