package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Reason;
import io.qrelease.domain.Result;
import io.qrelease.domain.Verdict;
import io.qrelease.testing.ScratchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An action's audit rows read back in input order, a page at a time: across the pages' edges, with
 * several entities on one line (a message released to all its recipients), beside another action.
 */
class ActionStoreAuditOrderTest {

  private static final String ACTION = "5f0c1a52-3b8e-4d7a-9a61-2f3e4d5c6b7a";
  private static final String OTHER_ACTION = "0d8e2c4a-7b1f-4e6d-8c3a-9b5f1e2d4c6a";
  private static final Instant ACTED_AT = Instant.parse("2026-11-26T12:00:00Z");
  private static final Comparator<AuditEntry> INPUT_ORDER = Comparator.comparingLong(AuditEntry::lineNumber)
      .thenComparing(entry -> entry.key().networkMessageId()).thenComparing(entry -> entry.key().recipient());

  @RegisterExtension
  final ScratchStore scratch = ScratchStore.current();
  private final ActionStore store = new ActionStore(scratch.jdbc());
  private final List<AuditEntry> audited = new ArrayList<>();

  /** 12,003 entities over three pages and more, one to four on a line, audited out of order in chunks. */
  @BeforeEach
  void anActionOfTwelveThousandEntitiesAuditedOutOfOrder() {
    Random random = new Random(11);
    for (long line = 2; audited.size() < 12_003; line++) {
      String message = new UUID(random.nextLong(), random.nextLong()).toString();
      for (int recipient = random.nextInt(4); recipient >= 0 && audited.size() < 12_003; recipient--) {
        Verdict verdict = random.nextInt(10) == 0 ? Verdict.skipped(Reason.Expired) : Verdict.SUCCESS;
        audited.add(new AuditEntry(new EntityKey(message, "user" + recipient + "@contoso.com"), verdict,
            "analyst@contoso.com", ACTED_AT, line));
      }
    }
    List<AuditEntry> shuffled = new ArrayList<>(audited);
    Collections.shuffle(shuffled, random);
    for (int from = 0; from < shuffled.size(); from += 1_000) {
      List<AuditEntry> chunk = shuffled.subList(from, Math.min(from + 1_000, shuffled.size()));
      store.audit(ACTION, chunk);
      store.audit(OTHER_ACTION, chunk.subList(0, Math.min(10, chunk.size())));
    }
  }

  @Test
  void everyAuditRowOfTheActionIsReadOnceInInputOrder() {
    // when
    List<AuditEntry> read = new ArrayList<>();
    store.forEachAudit(ACTION, null, null, read::add);

    // then
    assertThat(read).hasSize(12_003).containsExactlyElementsOf(audited.stream().sorted(INPUT_ORDER).toList());
  }

  @Test
  void aResultOrReasonKeepsOnlyItsRowsInInputOrder() {
    // when
    List<AuditEntry> skipped = new ArrayList<>();
    store.forEachAudit(ACTION, Result.Skipped, Reason.Expired, skipped::add);
    List<AuditEntry> succeeded = new ArrayList<>();
    store.forEachAudit(ACTION, Result.Success, null, succeeded::add);

    // then
    assertThat(skipped).isNotEmpty().containsExactlyElementsOf(audited.stream()
        .filter(entry -> entry.verdict().result() == Result.Skipped).sorted(INPUT_ORDER).toList());
    assertThat(succeeded).hasSize(audited.size() - skipped.size()).isSortedAccordingTo(INPUT_ORDER);
  }
}
