package io.qrelease.jobs.release;

import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The selection of an email entity action: one message, for the recipients the release target names. */
public class OneMessage implements ItemStreamReader<SelectionRow> {

  private static final String READ = "message.read";

  private final String networkMessageId;
  private boolean read;

  public OneMessage(String networkMessageId) {
    this.networkMessageId = networkMessageId;
  }

  @Override
  public void open(ExecutionContext context) {
    read = context.containsKey(READ) && context.getString(READ).equals("true");
  }

  @Override
  public SelectionRow read() {
    if (read) {
      return null;
    }
    read = true;
    // Line 0: the entity did not come from a file.
    return new SelectionRow(0, networkMessageId, List.of());
  }

  @Override
  public void update(ExecutionContext context) {
    context.putString(READ, Boolean.toString(read));
  }
}
