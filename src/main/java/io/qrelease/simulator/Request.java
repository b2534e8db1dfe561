package io.qrelease.simulator;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request as the endpoints read it: the body already read, the query already decoded. */
record Request(String method, String path, String pathAndQuery, Headers headers, String body) {

  /** The decoded parameters of the query string. */
  Map<String, String> query() {
    int start = pathAndQuery.indexOf('?');
    return start < 0 ? Map.of() : form(pathAndQuery.substring(start + 1));
  }

  /** The decoded fields of an application/x-www-form-urlencoded body. */
  Map<String, String> formBody() {
    return form(body);
  }

  String bearerToken() {
    String authorization = headers.getFirst("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private static Map<String, String> form(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
