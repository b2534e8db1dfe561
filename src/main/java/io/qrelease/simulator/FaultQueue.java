package io.qrelease.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/** The faults waiting for each endpoint's next requests, and what each makes the endpoint answer. */
final class FaultQueue {

  private final Map<Endpoint, Deque<Fault>> waiting = new EnumMap<>(Endpoint.class);

  synchronized void add(Endpoint endpoint, Fault fault, int times) {
    Deque<Fault> faults = waiting.computeIfAbsent(endpoint, key -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      faults.addLast(fault);
    }
  }

  /** The fault for this request to the endpoint, or null to serve it. */
  synchronized Fault next(Endpoint endpoint) {
    Deque<Fault> faults = waiting.get(endpoint);
    return faults == null ? null : faults.pollFirst();
  }

  /** The answer to a STATUS or MALFORMED fault, in the endpoint's own wire format. */
  static Reply reply(Endpoint endpoint, Fault fault) {
    if (fault.kind() == Fault.Kind.MALFORMED) {
      return malformed(endpoint);
    }
    Reply reply = status(endpoint, fault.status());
    return fault.retryAfterSeconds() == null ? reply : reply.withHeader("Retry-After", fault.retryAfterSeconds().toString());
  }

  private static Reply status(Endpoint endpoint, int status) {
    if (endpoint == Endpoint.TOKEN) {
      if (status == 401 || status == 400) {
        return Reply.identityError(status, "invalid_client", 7000215, "Invalid client secret provided.");
      }
      return status == 403 ? Reply.identityError(status, "unauthorized_client", 700016, "The application was not found in the directory.")
          : Reply.identityError(status, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");
    }
    if (endpoint == Endpoint.EXCHANGE && status == 403) {
      return ExchangeEndpoint.FORBIDDEN;
    }
    if (status == 401) {
      return TenantSimulator.unauthorized(endpoint);
    }
    switch (status) {
      case 429:
        return Reply.graphError(status, "TooManyRequests", "Please retry again later.");
      case 403:
        return Reply.graphError(status, "Forbidden", "Insufficient privileges to complete the operation.");
      case 503:
        return Reply.graphError(status, "ServiceUnavailable", "The service is temporarily unavailable.");
      case 504:
        return Reply.graphError(status, "GatewayTimeout", "The gateway timed out.");
      default:
        return Reply.graphError(status, "UnknownError", "");
    }
  }

  private static Reply malformed(Endpoint endpoint) {
    switch (endpoint) {
      case TOKEN:
        return Reply.text(200, "application/json; charset=utf-8", "{\"token_type\":\"Bearer\",\"access_token\":");
      case REMEDIATE:
        return Reply.empty(202);
      case HUNTING:
        return Reply.text(200, "application/json; charset=utf-8", "{\"schema\":[{\"name\":");
      default:
        return Reply.text(200, "application/json; charset=utf-8", "{\"value\":");
    }
  }
}
