package io.qrelease.store;

/**
 * A message and a recipient a release's input names ("" for every recipient), at the first line
 * naming them, and how many later lines named them again.
 */
public record StagedRow(String networkMessageId, String recipient, long lineNumber, long repeats) {
}
