package io.qrelease.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of KQL the simulator runs, which is what qrelease sends:
 * <pre>
 * EmailEvents
 * | where Timestamp between (datetime(2026-11-20T00:00:00Z) .. datetime(2026-11-21T00:00:00Z))
 * | where NetworkMessageId in ("GUID", "GUID", ...)
 * | project Timestamp, NetworkMessageId, RecipientEmailAddress, LatestDeliveryLocation
 * </pre>
 * Each {@code where} and the {@code project} are optional, may come in any order, and names are
 * compared case-insensitively as keywords but must be spelled as the columns are.
 *
 * @param from inclusive, or null for no lower bound
 * @param to inclusive, or null for no upper bound
 * @param messages the network message ids in lower case, or null for every message
 * @param columns the columns projected, or all of {@link #COLUMNS}
 */
record HuntingQuery(Instant from, Instant to, Set<String> messages, List<String> columns) {

  static final List<String> COLUMNS = List.of("Timestamp", "NetworkMessageId", "InternetMessageId", "SenderFromAddress",
      "RecipientEmailAddress", "Subject", "DeliveryAction", "DeliveryLocation", "LatestDeliveryAction",
      "LatestDeliveryLocation", "ThreatTypes");

  private static final Pattern BETWEEN = Pattern.compile(
      "(?is)where\\s+Timestamp\\s+between\\s*\\(\\s*datetime\\(([^)]+)\\)\\s*\\.\\.\\s*datetime\\(([^)]+)\\)\\s*\\)");
  private static final Pattern IN = Pattern.compile("(?is)where\\s+NetworkMessageId\\s+in\\s*\\((.*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
  private static final Pattern PROJECT = Pattern.compile("(?is)project\\s+(.+)");

  /** The query, or null when it is outside the subset. */
  static HuntingQuery parse(String kql) {
    String[] stages = kql.split("\\|");
    if (!stages[0].trim().equals("EmailEvents")) {
      return null;
    }
    Instant from = null;
    Instant to = null;
    Set<String> messages = null;
    List<String> columns = COLUMNS;
    for (int i = 1; i < stages.length; i++) {
      String stage = stages[i].trim();
      Matcher between = BETWEEN.matcher(stage);
      Matcher in = IN.matcher(stage);
      Matcher project = PROJECT.matcher(stage);
      if (between.matches()) {
        try {
          from = Instant.parse(between.group(1).trim());
          to = Instant.parse(between.group(2).trim());
        } catch (DateTimeParseException e) {
          return null;
        }
      } else if (in.matches()) {
        messages = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(in.group(1));
        while (quoted.find()) {
          messages.add((quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).toLowerCase(Locale.ROOT));
        }
      } else if (project.matches()) {
        columns = new ArrayList<>();
        for (String column : project.group(1).split(",")) {
          if (!COLUMNS.contains(column.trim())) {
            return null;
          }
          columns.add(column.trim());
        }
      } else {
        return null;
      }
    }
    return new HuntingQuery(from, to, messages, columns);
  }

  boolean selects(SimulatedCopy copy) {
    return (from == null || !copy.received().isBefore(from)) && (to == null || !copy.received().isAfter(to))
        && (messages == null || messages.contains(copy.networkMessageId()));
  }
}
