package io.qrelease.jobs.importing;

import io.qrelease.domain.MailCopy;
import io.qrelease.store.MailCopyStore;
import io.qrelease.store.RejectStore;
import io.qrelease.store.RejectStore.Reject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Upserts a chunk's copies and keeps its unusable rows for the rejects file. The number of copies
 * written is kept with the chunk's commit, so a resumed import still reports every copy once.
 */
public class ImportWriter implements ItemWriter<ImportedRow>, ItemStream {

  public static final String COPIES_WRITTEN = "copies.written";

  private final MailCopyStore copies;
  private final RejectStore rejects;
  private final long jobInstanceId;
  private long copiesWritten;

  public ImportWriter(MailCopyStore copies, RejectStore rejects, long jobInstanceId) {
    this.copies = copies;
    this.rejects = rejects;
    this.jobInstanceId = jobInstanceId;
  }

  @Override
  public void write(Chunk<? extends ImportedRow> chunk) {
    List<MailCopy> upserts = new ArrayList<>();
    List<Reject> unusable = new ArrayList<>();
    for (ImportedRow row : chunk) {
      if (row.isRejected()) {
        unusable.add(new Reject(row.lineNumber(), row.rejection()));
      } else {
        upserts.addAll(row.copies());
      }
    }
    copies.upsert(upserts);
    rejects.add(jobInstanceId, unusable);
    copiesWritten += upserts.size();
  }

  @Override
  public void open(ExecutionContext context) {
    copiesWritten = context.getLong(COPIES_WRITTEN, 0L);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(COPIES_WRITTEN, copiesWritten);
  }
}
