package io.qrelease.jobs.release;

import io.qrelease.domain.MailCopy;
import io.qrelease.domain.Verdict;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.MailCopyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Carries out a chunk's decisions in the store and audits them, in the chunk's transaction: the
 * releases as one guarded batch, an entity another run released since it was read audited as
 * AlreadyInDestination, then the audit rows and the action's counters. A dry run only audits.
 *
 * <p>Acting in a tenant, this is where the decisions would go to an outbox for steps that send and
 * verify them; on the store alone, the store is the destination.
 */
public class Apply implements ItemWriter<DecidedMessage> {

  private final MailCopyStore copies;
  private final ActionStore actions;
  private final String actionId;
  private final boolean dryRun;

  public Apply(MailCopyStore copies, ActionStore actions, String actionId, boolean dryRun) {
    this.copies = copies;
    this.actions = actions;
    this.actionId = actionId;
    this.dryRun = dryRun;
  }

  @Override
  public void write(Chunk<? extends DecidedMessage> chunk) {
    List<AuditEntry> audit = new ArrayList<>();
    List<MailCopy> releases = new ArrayList<>();
    List<Instant> releasedAt = new ArrayList<>();
    List<Integer> releaseRows = new ArrayList<>();
    long requested = 0;
    long duplicates = 0;
    String operator = null;
    for (DecidedMessage message : chunk) {
      requested += message.requested();
      duplicates += message.duplicates();
      for (DecidedMessage.Decision decision : message.decisions()) {
        if (decision.release() != null) {
          releases.add(decision.release());
          releasedAt.add(decision.audit().actedAt());
          releaseRows.add(audit.size());
          operator = decision.audit().operator();
        }
        audit.add(decision.audit());
      }
    }
    boolean[] won = dryRun || releases.isEmpty() ? new boolean[0] : copies.release(releases, operator, releasedAt);
    for (int i = 0; i < won.length; i++) {
      if (!won[i]) {
        int row = releaseRows.get(i);
        AuditEntry lost = audit.get(row);
        audit.set(row, new AuditEntry(lost.key(), Verdict.ALREADY_IN_DESTINATION, lost.operator(), lost.actedAt(),
            lost.lineNumber()));
      }
    }
    actions.audit(actionId, audit);
    actions.countRows(actionId, 0, requested, duplicates);
  }
}
