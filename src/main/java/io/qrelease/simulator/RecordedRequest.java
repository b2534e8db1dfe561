package io.qrelease.simulator;

import java.time.Instant;

/**
 * A request the simulator received and what it answered.
 *
 * @param endpoint token, remediate, analyzedEmails, hunting, exchange, simulator, or unknown
 * @param path the path with its query string, as sent
 * @param status the status answered; 0 when the connection was closed without an answer
 */
public record RecordedRequest(Instant arrived, String endpoint, String method, String path, String body, int status) {
}
