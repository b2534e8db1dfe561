package io.qrelease.testing;

import java.util.List;
import java.util.Map;

/** The business outcome of a release, free of ids and timestamps, to compare two runs. */
public record StoreSnapshot(List<Map<String, Object>> audit, List<Map<String, Object>> copies) {

  public static StoreSnapshot of(Workbench bench) {
    return new StoreSnapshot(
        bench.query("SELECT network_message_id, recipient, result, reason, operator, line_number FROM action_audit"
            + " ORDER BY network_message_id, recipient"),
        bench.query("SELECT network_message_id, recipient, location, release_status, released_by FROM mail_copy"
            + " ORDER BY network_message_id, recipient"));
  }
}
