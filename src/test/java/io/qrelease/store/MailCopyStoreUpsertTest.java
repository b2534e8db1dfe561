package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.testing.ScratchStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loading a chunk in its transaction: a chunk of new copies goes in as it is, and one that meets a
 * key the store or the chunk already holds is merged instead, with nothing of the first attempt left.
 */
class MailCopyStoreUpsertTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String MESSAGE = "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab";

  @RegisterExtension
  final ScratchStore scratch = ScratchStore.current();
  private final JdbcTemplate jdbc = scratch.jdbc();
  private final MailCopyStore store = new MailCopyStore(jdbc);
  private final TransactionTemplate chunk = scratch.chunk();

  private static MailCopy quarantined(String recipient, String subject) {
    return new MailCopy(MESSAGE, null, recipient, "sender@fabrikam.com", subject, NOW.minusSeconds(3600),
        Location.Quarantine, QuarantineType.Spam, null, null, NOW.plusSeconds(86_400), ReleaseStatus.NotReleased, null);
  }

  private void load(MailCopy... copies) {
    chunk.executeWithoutResult(status -> store.upsert(List.of(copies)));
  }

  private List<Map<String, Object>> stored() {
    return jdbc.queryForList("SELECT recipient, subject, location, release_status FROM mail_copy ORDER BY recipient");
  }

  @Test
  void aChunkOfNewCopiesIsInsertedWhole() {
    // when
    load(quarantined("a@contoso.com", "Invoice"), quarantined("b@contoso.com", "Invoice"));

    // then
    assertThat(stored()).extracting(row -> row.get("RECIPIENT")).containsExactly("a@contoso.com", "b@contoso.com");
  }

  @Test
  void aChunkMeetingAKnownCopyInsertsTheNewOnesOnceAndMergesTheKnownOneWithoutUndoingItsRelease() {
    // given: b's copy loaded and then released
    load(quarantined("b@contoso.com", "Invoice"));
    jdbc.update("UPDATE mail_copy SET location = 'Inbox', release_status = 'Released'");

    // when: an export that still shows b in quarantine, between two new copies
    load(quarantined("a@contoso.com", "Invoice"), quarantined("b@contoso.com", "Invoice, again"),
        quarantined("c@contoso.com", "Invoice"));

    // then
    assertThat(stored()).containsExactly(
        Map.of("RECIPIENT", "a@contoso.com", "SUBJECT", "Invoice", "LOCATION", "Quarantine", "RELEASE_STATUS", "NotReleased"),
        Map.of("RECIPIENT", "b@contoso.com", "SUBJECT", "Invoice, again", "LOCATION", "Inbox", "RELEASE_STATUS", "Released"),
        Map.of("RECIPIENT", "c@contoso.com", "SUBJECT", "Invoice", "LOCATION", "Quarantine", "RELEASE_STATUS", "NotReleased"));
  }

  @Test
  void aChunkRepeatingANewCopyStoresItOnceWithItsLastValues() {
    // when
    load(quarantined("a@contoso.com", "First"), quarantined("b@contoso.com", "Invoice"),
        quarantined("a@contoso.com", "Second"));

    // then
    assertThat(stored()).extracting(row -> row.get("RECIPIENT") + " " + row.get("SUBJECT"))
        .containsExactly("a@contoso.com Second", "b@contoso.com Invoice");
  }
}
