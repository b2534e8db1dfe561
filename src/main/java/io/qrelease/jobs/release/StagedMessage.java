package io.qrelease.jobs.release;

import io.qrelease.domain.MailCopy;
import io.qrelease.store.StagedRow;
import java.util.List;

/** A message of the staged selection: every staged row naming it, and every copy the store holds of it. */
public record StagedMessage(String networkMessageId, List<StagedRow> rows, List<MailCopy> copies) {
}
