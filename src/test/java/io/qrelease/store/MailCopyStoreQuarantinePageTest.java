package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.testing.ScratchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarantine page of a store larger than the newest copies it looks through first: the same
 * page, newest first, whether the newest copies fill it or the whole store must be read, and the
 * received times it reads them by kept beside every copy an import writes or changes.
 */
class MailCopyStoreQuarantinePageTest {

  private static final Instant CAMPAIGN_START = Instant.parse("2026-11-01T00:00:00Z");
  private static final String ANALYST = "analyst@contoso.com";
  private static final String RARE_SENDER = "rare@partner.example";
  private static final Comparator<MailCopy> NEWEST_FIRST = Comparator
      .comparing(MailCopy::receivedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparing(MailCopy::networkMessageId).thenComparing(MailCopy::recipient).reversed();

  @RegisterExtension
  final ScratchStore scratch = ScratchStore.current();
  private final JdbcTemplate jdbc = scratch.jdbc();
  private final MailCopyStore store = new MailCopyStore(jdbc);
  private final List<MailCopy> copies = new ArrayList<>();

  /**
   * 7,000 copies: received at one of a few hundred times, so that many share one (the recipients of
   * a message always do), some without a received time, a few in the Inbox and off the page, a few
   * from a sender that sent little, a third released by the analyst.
   */
  private void aStoreOf7000Copies() {
    Random random = new Random(5);
    while (copies.size() < 7_000) {
      String message = new UUID(random.nextLong(), random.nextLong()).toString();
      Instant received = random.nextInt(50) == 0 ? null : CAMPAIGN_START.plusSeconds(60L * random.nextInt(300));
      String sender = random.nextInt(200) == 0 ? RARE_SENDER : "billing@partner.example";
      for (int recipient = random.nextInt(3); recipient >= 0; recipient--) {
        boolean delivered = random.nextInt(20) == 0;
        copies.add(new MailCopy(message, null, "user" + recipient + "@contoso.com", sender, "Invoice", received,
            delivered ? Location.Inbox : Location.Quarantine, delivered ? null : QuarantineType.Spam, null, null,
            null, delivered ? null : ReleaseStatus.NotReleased, null));
      }
    }
    for (int from = 0; from < copies.size(); from += 1_000) {
      List<MailCopy> chunk = copies.subList(from, Math.min(from + 1_000, copies.size()));
      scratch.chunk().executeWithoutResult(status -> store.upsert(chunk));
    }
    for (int i = 0; i < copies.size(); i += 3) {
      MailCopy copy = copies.get(i);
      if (copy.location() == Location.Quarantine) {
        jdbc.update("UPDATE mail_copy SET location = 'Inbox', release_status = 'Released', released_by = ?"
            + " WHERE network_message_id = ? AND recipient = ?", ANALYST, copy.networkMessageId(), copy.recipient());
        copies.set(i, new MailCopy(copy.networkMessageId(), null, copy.recipient(), copy.sender(), "Invoice",
            copy.receivedAt(), Location.Inbox, QuarantineType.Spam, null, null, null, ReleaseStatus.Released, null));
      }
    }
  }

  private void upgrade() {
    new SchemaUpgrade(jdbc, false).afterPropertiesSet();
  }

  private List<EntityKey> page(QuarantineFilter filter, int limit) {
    List<EntityKey> page = new ArrayList<>();
    store.forEachInQuarantine(filter, limit, entry -> page.add(entry.copy().key()));
    return page;
  }

  private List<EntityKey> expected(Predicate<MailCopy> filter, int limit) {
    return copies.stream()
        .filter(copy -> copy.location() == Location.Quarantine || copy.releaseStatus() == ReleaseStatus.Released)
        .filter(filter).sorted(NEWEST_FIRST).limit(limit).map(MailCopy::key).toList();
  }

  @Test
  void thePageIsTheNewestCopiesFirstWhetherTheNewestFillItOrTheWholeStoreIsRead() {
    // given
    upgrade();
    aStoreOf7000Copies();
    QuarantineFilter everyCopy = new QuarantineFilter(null, null, null, null, null);
    QuarantineFilter released = new QuarantineFilter(null, null, null, null, ANALYST);
    QuarantineFilter rare = new QuarantineFilter(null, null, RARE_SENDER, null, null);

    // then
    assertThat(page(everyCopy, 100)).hasSize(100).isEqualTo(expected(copy -> true, 100));
    assertThat(page(released, 100)).hasSize(100)
        .isEqualTo(expected(copy -> copy.releaseStatus() == ReleaseStatus.Released, 100));
    assertThat(page(rare, 100)).isNotEmpty().isEqualTo(expected(copy -> copy.sender().equals(RARE_SENDER), 100));
    assertThat(page(everyCopy, 10_000)).hasSizeGreaterThan(6_000).isEqualTo(expected(copy -> true, 10_000))
        .last().isIn(copies.stream().filter(copy -> copy.receivedAt() == null).map(MailCopy::key).toList());
  }

  @Test
  void aStoreWrittenBeforeTheReceivedTimesWereKeptBesideItIsFilledOnce() {
    // given
    aStoreOf7000Copies();

    // when
    upgrade();
    upgrade();

    // then
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copy_received", Long.class)).isEqualTo(copies.size());
    assertThat(page(new QuarantineFilter(null, null, null, null, null), 100)).isEqualTo(expected(copy -> true, 100));
  }

  @Test
  void anImportThatGivesACopyAReceivedTimeMovesItOnThePage() {
    // given
    upgrade();
    aStoreOf7000Copies();
    MailCopy undated = copies.stream().filter(copy -> copy.receivedAt() == null
        && copy.location() == Location.Quarantine).findFirst().orElseThrow();
    MailCopy dated = copies.stream().filter(copy -> copy.receivedAt() != null
        && copy.location() == Location.Quarantine).findFirst().orElseThrow();
    Instant newest = CAMPAIGN_START.plusSeconds(86_400);

    // when
    scratch.chunk().executeWithoutResult(status -> store.upsert(List.of(receivedAt(undated, newest),
        receivedAt(dated, newest.plusSeconds(1)))));

    // then
    assertThat(page(new QuarantineFilter(null, null, null, null, null), 2))
        .containsExactly(dated.key(), undated.key());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copy_received", Long.class)).isEqualTo(copies.size());
  }

  private static MailCopy receivedAt(MailCopy copy, Instant received) {
    return new MailCopy(copy.networkMessageId(), null, copy.recipient(), copy.sender(), copy.subject(), received,
        copy.location(), copy.quarantineType(), null, null, null, copy.releaseStatus(), null);
  }
}
