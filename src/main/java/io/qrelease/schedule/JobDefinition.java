package io.qrelease.schedule;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.RuleFilter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A job file, jobs/NAME.yml: one bulk action taken over input files (an input job) or over the
 * copies a filter selects from the store (a custom detection rule), now or on a schedule.
 *
 * @param input a file or a glob, relative to the working directory; null for a rule
 * @param rule the filter of a custom detection rule; null for an input job
 */
public record JobDefinition(Path file, String name, String description, String operator, ActionType action,
    ReleaseTarget releaseTo, CronSchedule schedule, long maxRows, boolean dryRun, String input, RuleFilter rule) {

  /** Threat Explorer's limit on one selection, so a rule gone wrong cannot release the whole store. */
  public static final long DEFAULT_MAX_ROWS = 200_000;

  public boolean isRule() {
    return rule != null;
  }

  public Optional<CronSchedule> scheduled() {
    return Optional.ofNullable(schedule);
  }

  /** The file name without .yml: what the job's cron log and its lines are named after. */
  public String fileStem() {
    String fileName = file.getFileName().toString();
    return fileName.replaceFirst("\\.ya?ml$", "");
  }
}
