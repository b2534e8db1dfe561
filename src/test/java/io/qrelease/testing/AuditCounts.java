package io.qrelease.testing;

import java.util.List;
import java.util.Map;

/**
 * Every action's entities per result and reason, as the store kept them and as its audit rows count
 * now; a kept count that came to nothing (entities audited again under another result) is no count.
 */
public final class AuditCounts {

  private AuditCounts() {
  }

  public static List<Map<String, Object>> kept(Workbench bench) {
    return bench.query("SELECT action_id, result, reason, CAST(SUM(entities) AS BIGINT) AS entities FROM action_count"
        + " GROUP BY action_id, result, reason HAVING SUM(entities) <> 0 ORDER BY action_id, result, reason");
  }

  public static List<Map<String, Object>> counted(Workbench bench) {
    return bench.query("SELECT action_id, result, reason, COUNT(*) AS entities FROM action_audit"
        + " GROUP BY action_id, result, reason ORDER BY action_id, result, reason");
  }
}
