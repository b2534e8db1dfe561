package io.qrelease.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where an action was taken from, as the Action center shows it. */
public enum Source {
  AdvancedHunting, ThreatExplorer, EmailEntity, CustomDetection, CsvImport, Api;

  public static Source fromOption(String value) {
    return Arrays.stream(values()).filter(source -> source.name().equalsIgnoreCase(value.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown source '" + value + "': use one of "
            + Arrays.stream(values()).map(Source::name).collect(Collectors.joining(", ")) + "."));
  }
}
