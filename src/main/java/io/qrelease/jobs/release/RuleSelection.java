package io.qrelease.jobs.release;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.RuleFilter;
import io.qrelease.store.Columns;
import io.qrelease.store.SelectionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The copies a custom detection rule selects: received within its window, in its locations, and
 * matching every key of its filter. The filter's values are bound as parameters; only the fixed
 * fragments below make up the SQL.
 */
public final class RuleSelection {

  private final String where;
  private final Map<String, Object> parameters;

  private RuleSelection(String where, Map<String, Object> parameters) {
    this.where = where;
    this.parameters = parameters;
  }

  public static RuleSelection of(RuleFilter filter, ActionType action, Instant start, Instant end) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    parameters.put("windowStart", Columns.micros(start));
    parameters.put("windowEnd", Columns.micros(end));
    conditions.add("received_at >= :windowStart AND received_at < :windowEnd");
    parameters.put("locations", filter.locationsFor(action).stream().map(Enum::name).toList());
    conditions.add("location IN (:locations)");
    if (!filter.quarantineTypes().isEmpty()) {
      parameters.put("quarantineTypes", filter.quarantineTypes().stream().map(Enum::name).toList());
      conditions.add("quarantine_type IN (:quarantineTypes)");
    }
    if (!filter.senderAddresses().isEmpty()) {
      parameters.put("senderAddresses", filter.senderAddresses());
      conditions.add("LOWER(sender) IN (:senderAddresses)");
    }
    anyOf(conditions, parameters, "senderDomain", filter.senderDomains(), name -> "LOWER(sender) LIKE :" + name,
        domain -> "%@" + domain);
    List<String> recipientAddresses = filter.recipients().stream().filter(EntityKey::isAddress).toList();
    List<String> recipientDomains = filter.recipients().stream().filter(value -> !EntityKey.isAddress(value)).toList();
    List<String> recipients = new ArrayList<>();
    if (!recipientAddresses.isEmpty()) {
      parameters.put("recipientAddresses", recipientAddresses);
      recipients.add("recipient IN (:recipientAddresses)");
    }
    for (int i = 0; i < recipientDomains.size(); i++) {
      parameters.put("recipientDomain" + i, "%@" + recipientDomains.get(i));
      recipients.add("recipient LIKE :recipientDomain" + i);
    }
    if (!recipients.isEmpty()) {
      conditions.add("(" + String.join(" OR ", recipients) + ")");
    }
    anyOf(conditions, parameters, "subject", filter.subjectContains(),
        name -> "POSITION(CAST(:" + name + " AS VARCHAR(4000)) IN LOWER(subject)) > 0", Function.identity());
    return new RuleSelection("(" + String.join(") AND (", conditions) + ")", parameters);
  }

  /** One condition per value, any of which matches, each value bound under its own name. */
  private static void anyOf(List<String> conditions, Map<String, Object> parameters, String prefix,
      List<String> values, Function<String, String> condition, Function<String, String> bound) {
    if (values.isEmpty()) {
      return;
    }
    List<String> any = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      parameters.put(prefix + i, bound.apply(values.get(i)));
      any.add(condition.apply(prefix + i));
    }
    conditions.add("(" + String.join(" OR ", any) + ")");
  }

  public long count(NamedParameterJdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM mail_copy WHERE " + where, parameters, Long.class);
  }

  /**
   * Stages the selection into the action's table in one statement, a row per copy numbered by its
   * place in key order, and says how many it staged.
   */
  public long stage(SelectionStore selections, String actionId) {
    return selections.stageCopies(actionId, where, parameters);
  }
}
