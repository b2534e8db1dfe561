package io.qrelease.store;

import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many entities of an action ended with each result and each reason. */
public record ActionCounts(Map<Result, Long> byResult, Map<Reason, Long> byReason) {

  public ActionCounts {
    byResult = Map.copyOf(byResult);
    byReason = Map.copyOf(byReason);
  }

  public static ActionCounts of(EnumMap<Result, Long> byResult, EnumMap<Reason, Long> byReason) {
    return new ActionCounts(byResult, byReason);
  }

  public long total() {
    return byResult.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(Result result) {
    return byResult.getOrDefault(result, 0L);
  }

  public long count(Reason reason) {
    return byReason.getOrDefault(reason, 0L);
  }

  /** Every result by name, in the order of {@link Result}, zeros included, as listings print them. */
  public Map<String, Long> results() {
    Map<String, Long> results = new LinkedHashMap<>();
    Arrays.stream(Result.values()).forEach(result -> results.put(result.name(), count(result)));
    return results;
  }

  /** Every reason by name, in the order of {@link Reason}, zeros included. */
  public Map<String, Long> reasons() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    Arrays.stream(Reason.values()).forEach(reason -> reasons.put(reason.name(), count(reason)));
    return reasons;
  }
}
