package io.qrelease.jobs.release;

import io.qrelease.domain.ActionRequest;
import io.qrelease.domain.Candidate;
import io.qrelease.domain.Eligibility;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.CopyCursor;
import io.qrelease.store.MailCopyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Decides and records the fate of every entity of a chunk of selection rows: one lookup of the
 * chunk's copies, held open to release them through, one of the entities earlier chunks may already
 * have audited, then the releases and the audit rows as a JDBC batch, all in the chunk's transaction.
 */
public class ReleaseWriter implements ItemWriter<SelectionRow> {

  private final MailCopyStore copies;
  private final ActionStore actions;
  private final String actionId;
  private final ReleaseTarget target;
  private final Supplier<ActionRequest> request;
  private final boolean dryRun;
  private final SeenEntities seen = new SeenEntities();
  /**
   * Whether this run began the action: only then has every audit row of the action passed
   * through {@link #seen}. A resumed run asks the store about every entity.
   */
  private Boolean begunHere;

  public ReleaseWriter(MailCopyStore copies, ActionStore actions, String actionId, ReleaseTarget target,
      Supplier<ActionRequest> request, boolean dryRun) {
    this.copies = copies;
    this.actions = actions;
    this.actionId = actionId;
    this.target = target;
    this.request = request;
    this.dryRun = dryRun;
  }

  private record Entity(Candidate candidate, long lineNumber) {
  }

  @Override
  public void write(Chunk<? extends SelectionRow> chunk) {
    Set<String> messageIds = new HashSet<>();
    for (SelectionRow row : chunk) {
      messageIds.add(row.networkMessageId());
    }
    List<String> ids = messageIds.stream().filter(EntityKey::isMessageId).toList();
    try (CopyCursor known = dryRun ? copies.previewCopiesOf(ids) : copies.openCopiesOf(ids)) {
      write(chunk, known);
    }
  }

  private void write(Chunk<? extends SelectionRow> chunk, CopyCursor known) {
    Map<EntityKey, Entity> entities = new LinkedHashMap<>();
    long candidates = 0;
    for (SelectionRow row : chunk) {
      List<MailCopy> copiesOfMessage = known.copiesOf(row.networkMessageId());
      for (String recipient : row.recipients().isEmpty() ? List.of("") : row.recipients()) {
        for (Candidate candidate : target.candidates(row.networkMessageId(), recipient, copiesOfMessage)) {
          candidates++;
          entities.putIfAbsent(ActionStore.stored(candidate.key()), new Entity(candidate, row.lineNumber()));
        }
      }
    }
    entities.keySet().removeAll(auditedEarlier(entities.keySet()));
    entities.keySet().forEach(seen::add);

    ActionRequest now = request.get();
    Eligibility rules = new Eligibility(now);
    List<AuditEntry> audit = new ArrayList<>(entities.size());
    List<MailCopy> releases = new ArrayList<>();
    List<Integer> releaseRows = new ArrayList<>();
    for (Map.Entry<EntityKey, Entity> entity : entities.entrySet()) {
      Verdict verdict = rules.decide(entity.getValue().candidate());
      if (verdict.result() == Result.Success) {
        releases.add(entity.getValue().candidate().copy());
        releaseRows.add(audit.size());
      }
      audit.add(new AuditEntry(entity.getKey(), verdict, now.operator().upn(), now.now(),
          entity.getValue().lineNumber()));
    }
    // A dry run records what each entity would get: a write it skips cannot be lost to another run.
    boolean[] won = dryRun ? new boolean[0] : known.release(releases, now.operator().upn(), now.now());
    for (int i = 0; i < won.length; i++) {
      if (!won[i]) {
        int row = releaseRows.get(i);
        AuditEntry lost = audit.get(row);
        audit.set(row, new AuditEntry(lost.key(), Verdict.ALREADY_IN_DESTINATION, lost.operator(), lost.actedAt(),
            lost.lineNumber()));
      }
    }
    actions.audit(actionId, audit);
    actions.countRows(actionId, chunk.size(), candidates, candidates - entities.size());
  }

  private Set<EntityKey> auditedEarlier(Set<EntityKey> keys) {
    if (begunHere == null) {
      begunHere = actions.find(actionId).orElseThrow().rowsRead() == 0;
    }
    Set<String> messageIds = new HashSet<>();
    for (EntityKey key : keys) {
      if (!begunHere || seen.mayContain(key)) {
        messageIds.add(key.networkMessageId());
      }
    }
    return actions.audited(actionId, messageIds);
  }
}
