package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.testing.ScratchStore;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The release of a chunk's copies through the cursor that read them, in the chunk's transaction:
 * each copy's outcome comes back at its own place, and a copy another session released or moved
 * since it was read is left as it is.
 */
class CopyCursorTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String MESSAGE = "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab";
  private static final String OPERATOR = "secops-admin@contoso.com";

  @RegisterExtension
  final ScratchStore scratch = ScratchStore.current();
  private final JdbcTemplate jdbc = scratch.jdbc();
  private final MailCopyStore store = new MailCopyStore(jdbc);
  private final TransactionTemplate chunk = scratch.chunk();

  private static MailCopy copy(String message, String recipient, Location location, ReleaseStatus status) {
    return new MailCopy(message, null, recipient, "sender@fabrikam.com", "Invoice",
        NOW.minusSeconds(3600), location, location == Location.Quarantine ? QuarantineType.Spam : null, null, null,
        location == Location.Quarantine ? NOW.plusSeconds(86_400) : null, status);
  }

  private static MailCopy copy(String recipient, Location location, ReleaseStatus status) {
    return copy(MESSAGE, recipient, location, status);
  }

  /** Reads the message's copies, lets another session act, then releases them all, in one transaction. */
  private boolean[] releaseAfter(Runnable meanwhile) {
    return chunk.execute(status -> {
      try (CopyCursor cursor = store.openCopiesOf(List.of(MESSAGE))) {
        List<MailCopy> read = cursor.copiesOf(MESSAGE);
        meanwhile.run();
        return cursor.release(read, OPERATOR, NOW);
      }
    });
  }

  @Test
  void eachCopyWinsOrLosesAtItsOwnPlaceWhetherReleasedFromQuarantineOrMovedFromAFolder() {
    // given: quarantined and junk copies interleaved, two of which another run changes after they were read
    store.upsert(List.of(
        copy("a@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased),
        copy("b@contoso.com", Location.JunkFolder, null),
        copy("c@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased),
        copy("d@contoso.com", Location.DeletedFolder, null),
        copy("e@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased)));
    JdbcTemplate anotherRun = new JdbcTemplate(scratch.anotherSession());

    // when
    boolean[] won = releaseAfter(() -> {
      anotherRun.update("UPDATE mail_copy SET release_status = 'Released', location = 'Inbox' WHERE recipient = 'c@contoso.com'");
      anotherRun.update("UPDATE mail_copy SET location = 'Inbox' WHERE recipient = 'd@contoso.com'");
    });

    // then
    assertThat(won).containsExactly(true, true, false, false, true);
    assertThat(stored()).containsExactly(
        row("a@contoso.com", "Inbox", "Released", OPERATOR, NOW),
        row("b@contoso.com", "Inbox", null, null, null),
        row("c@contoso.com", "Inbox", "Released", null, null),
        row("d@contoso.com", "Inbox", null, null, null),
        row("e@contoso.com", "Inbox", "Released", OPERATOR, NOW));
  }

  @Test
  void aCopyChangedElsewhereOnlyInWhatTheRulesDoNotReadIsStillReleased() {
    // given
    store.upsert(List.of(
        copy("a@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased),
        copy("b@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased)));
    JdbcTemplate anotherImport = new JdbcTemplate(scratch.anotherSession());

    // when
    boolean[] won = releaseAfter(() ->
        anotherImport.update("UPDATE mail_copy SET subject = 'Invoice (corrected)' WHERE recipient = 'a@contoso.com'"));

    // then
    assertThat(won).containsExactly(true, true);
    assertThat(stored()).containsExactly(
        row("a@contoso.com", "Inbox", "Released", OPERATOR, NOW),
        row("b@contoso.com", "Inbox", "Released", OPERATOR, NOW));
  }

  @Test
  void aCopyAnotherRunIsReleasingWhenTheChunkWritesItIsLeftToThatRunOnceItCommits() throws Exception {
    // given: another run has released c and not yet committed when this chunk writes
    store.upsert(List.of(
        copy("a@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased),
        copy("c@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased),
        copy("e@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased)));
    Connection anotherRun = scratch.anotherSession().getConnection();
    anotherRun.setAutoCommit(false);
    CompletableFuture<Void> commitsLater = new CompletableFuture<>();

    // when
    boolean[] won = releaseAfter(() -> {
      try {
        anotherRun.createStatement().executeUpdate(
            "UPDATE mail_copy SET release_status = 'Released', location = 'Inbox', released_by = 'another@contoso.com'"
                + " WHERE recipient = 'c@contoso.com'");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      CompletableFuture.runAsync(() -> {
        try {
          anotherRun.commit();
          commitsLater.complete(null);
        } catch (java.sql.SQLException e) {
          commitsLater.completeExceptionally(e);
        }
      }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    });

    // then
    commitsLater.get(10, TimeUnit.SECONDS);
    assertThat(won).containsExactly(true, false, true);
    assertThat(stored()).containsExactly(
        row("a@contoso.com", "Inbox", "Released", OPERATOR, NOW),
        row("c@contoso.com", "Inbox", "Released", "another@contoso.com", null),
        row("e@contoso.com", "Inbox", "Released", OPERATOR, NOW));
  }

  @Test
  void aChunkWhoseCopiesOutgrowTheDatabasesInMemoryResultIsReleasedThroughTheCursorAllTheSame() {
    // given: more copies than the 10,000 rows HSQLDB keeps of a result in memory
    List<String> messages = IntStream.range(0, 12)
        .mapToObj(m -> String.format("5f0c6a1e-2b7d-4c3e-9a8f-%012d", m)).toList();
    List<MailCopy> copies = new ArrayList<>();
    for (String message : messages) {
      IntStream.range(0, 1_000).forEach(r -> copies.add(
          copy(message, "user" + r + "@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased)));
    }
    store.upsert(copies);

    // when
    boolean[] won = chunk.execute(status -> {
      try (CopyCursor cursor = store.openCopiesOf(messages)) {
        List<MailCopy> read = messages.stream().flatMap(message -> cursor.copiesOf(message).stream()).toList();
        assertThat(read).hasSize(12_000);
        return cursor.release(read, OPERATOR, NOW);
      }
    });

    // then
    assertThat(won).hasSize(12_000).doesNotContain(false);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_copy WHERE release_status = 'Released'"
        + " AND location = 'Inbox' AND released_by = ?", Long.class, OPERATOR)).isEqualTo(12_000L);
  }

  @Test
  void copiesAreNotReleasedThroughTheirCursorOutsideATransaction() {
    // given
    store.upsert(List.of(copy("a@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased)));

    try (CopyCursor cursor = store.openCopiesOf(List.of(MESSAGE))) {
      List<MailCopy> read = cursor.copiesOf(MESSAGE);

      // when / then
      assertThatThrownBy(() -> cursor.release(read, OPERATOR, NOW)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(stored()).containsExactly(row("a@contoso.com", "Quarantine", "NotReleased", null, null));
  }

  @Test
  void copiesReadForAPreviewAreNeverReleased() {
    // given
    store.upsert(List.of(copy("a@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased)));

    // when / then
    chunk.executeWithoutResult(status -> {
      try (CopyCursor preview = store.previewCopiesOf(List.of(MESSAGE))) {
        List<MailCopy> read = preview.copiesOf(MESSAGE);
        assertThat(read).extracting(MailCopy::recipient).containsExactly("a@contoso.com");
        assertThatThrownBy(() -> preview.release(read, OPERATOR, NOW)).isInstanceOf(IllegalStateException.class);
      }
    });
    assertThat(stored()).containsExactly(row("a@contoso.com", "Quarantine", "NotReleased", null, null));
  }

  private List<Map<String, Object>> stored() {
    return jdbc.queryForList("SELECT recipient, location, release_status, released_by, released_at FROM mail_copy"
        + " ORDER BY recipient");
  }

  private static Map<String, Object> row(String recipient, String location, String status, String releasedBy,
      Instant releasedAt) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("RECIPIENT", recipient);
    row.put("LOCATION", location);
    row.put("RELEASE_STATUS", status);
    row.put("RELEASED_BY", releasedBy);
    row.put("RELEASED_AT", releasedAt == null ? null : Columns.micros(releasedAt));
    return row;
  }
}
