package io.qrelease.jobs.release;

import io.qrelease.domain.Location;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.RuleFilter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A rule's filter as a job parameter of a release: part of what identifies the rule's run. */
public final class RuleParameter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RuleParameter() {
  }

  /** The filter as a job parameter: the same filter always gives the same text. */
  public static String of(RuleFilter filter) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("locations", filter.locations().stream().map(Enum::name).toList());
    values.put("quarantineTypes", filter.quarantineTypes().stream().map(Enum::name).toList());
    values.put("senderAddresses", filter.senderAddresses());
    values.put("senderDomains", filter.senderDomains());
    values.put("recipients", filter.recipients());
    values.put("subjectContains", filter.subjectContains());
    values.put("receivedWithin",
        filter.receivedWithin() == null ? List.of() : List.of(filter.receivedWithin().toString()));
    return JSON.writeValueAsString(values);
  }

  public static RuleFilter parse(String text) {
    Map<String, List<String>> values = JSON.readValue(text, new TypeReference<Map<String, List<String>>>() { });
    List<String> within = values.get("receivedWithin");
    return new RuleFilter(
        values.get("locations").stream().map(Location::valueOf).toList(),
        values.get("quarantineTypes").stream().map(QuarantineType::valueOf).toList(),
        values.get("senderAddresses"), values.get("senderDomains"), values.get("recipients"),
        values.get("subjectContains"), within.isEmpty() ? null : Duration.parse(within.get(0)));
  }
}
