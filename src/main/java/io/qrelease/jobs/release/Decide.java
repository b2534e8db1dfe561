package io.qrelease.jobs.release;

import io.qrelease.domain.ActionRequest;
import io.qrelease.domain.Candidate;
import io.qrelease.domain.Eligibility;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import io.qrelease.store.ActionStore;
import io.qrelease.store.AuditEntry;
import io.qrelease.store.StagedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The rules, applied to one message: each staged row becomes the entities the release target makes
 * of it, an entity named twice is decided once at the first line naming it, and {@link Eligibility}
 * decides each. A message is read whole, so no entity can be decided again in a later chunk.
 */
public class Decide implements ItemProcessor<StagedMessage, DecidedMessage> {

  private final ReleaseTarget target;
  private final Supplier<ActionRequest> request;

  public Decide(ReleaseTarget target, Supplier<ActionRequest> request) {
    this.target = target;
    this.request = request;
  }

  private record Entity(Candidate candidate, long lineNumber) {
  }

  @Override
  public DecidedMessage process(StagedMessage message) {
    List<StagedRow> rows = new ArrayList<>(message.rows());
    rows.sort(Comparator.comparingLong(StagedRow::lineNumber));
    Map<EntityKey, Entity> entities = new LinkedHashMap<>();
    long requested = 0;
    for (StagedRow row : rows) {
      for (Candidate candidate : target.candidates(message.networkMessageId(), row.recipient(), message.copies())) {
        requested += 1 + row.repeats();
        entities.putIfAbsent(ActionStore.stored(candidate.key()), new Entity(candidate, row.lineNumber()));
      }
    }
    ActionRequest now = request.get();
    Eligibility rules = new Eligibility(now);
    List<DecidedMessage.Decision> decisions = new ArrayList<>(entities.size());
    entities.forEach((key, entity) -> {
      Verdict verdict = rules.decide(entity.candidate());
      decisions.add(new DecidedMessage.Decision(
          new AuditEntry(key, verdict, now.operator().upn(), now.now(), entity.lineNumber()),
          verdict.result() == Result.Success ? entity.candidate().copy() : null));
    });
    return new DecidedMessage(decisions, message.copies(), requested, requested - entities.size());
  }
}
