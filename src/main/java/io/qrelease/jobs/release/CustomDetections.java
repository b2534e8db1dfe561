package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.jobs.RunParameters;
import io.qrelease.schedule.RuleFilter;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What the store knows of custom detection rules: how many copies a window selects, and earlier windows. */
@Component
public class CustomDetections {

  private final NamedParameterJdbcTemplate jdbc;

  public CustomDetections(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long count(RuleFilter filter, ActionType action, Instant start, Instant end) {
    return RuleSelection.of(filter, action, start, end).count(jdbc);
  }

  /**
   * Whether the same filter ran (or began to run) for a window that ended before this one; a dry
   * run's windows do not count for a real run, nor the other way round.
   */
  public boolean ranBefore(String rule, boolean dryRun, Instant windowEnd) {
    return jdbc.getJdbcTemplate().queryForList("SELECT w.parameter_value FROM batch_job_execution_params r"
            + " JOIN batch_job_execution_params w ON w.job_execution_id = r.job_execution_id"
            + " AND w.parameter_name = ?"
            + " JOIN batch_job_execution_params d ON d.job_execution_id = r.job_execution_id"
            + " AND d.parameter_name = ? AND d.parameter_value = ?"
            + " WHERE r.parameter_name = ? AND r.parameter_value = ?", String.class,
            ReleaseParameters.WINDOW_END, RunParameters.DRY_RUN, Boolean.toString(dryRun), ReleaseParameters.RULE,
            rule)
        .stream().anyMatch(end -> Instant.parse(end).isBefore(windowEnd));
  }
}
