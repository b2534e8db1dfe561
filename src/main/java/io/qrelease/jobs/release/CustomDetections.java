package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.RuleFilter;
import io.qrelease.store.RunInputStore;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What the store knows of custom detection rules: how many copies a window selects, and earlier windows. */
@Component
public class CustomDetections {

  private final NamedParameterJdbcTemplate jdbc;
  private final RunInputStore inputs;

  public CustomDetections(NamedParameterJdbcTemplate jdbc, RunInputStore inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
  }

  public long count(RuleFilter filter, ActionType action, Instant start, Instant end) {
    return RuleSelection.of(filter, action, start, end).count(jdbc);
  }

  /**
   * Whether the same filter ran (or began to run) for a window that ended before this one; a dry
   * run's windows do not count for a real run, nor the other way round.
   */
  public boolean ranBefore(String rule, boolean dryRun, Instant windowEnd) {
    return inputs.windowEnds(rule, dryRun).stream().anyMatch(end -> end.isBefore(windowEnd));
  }
}
