package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Location;
import io.qrelease.domain.MailCopy;
import io.qrelease.domain.QuarantineType;
import io.qrelease.domain.ReleaseStatus;
import io.qrelease.testing.ScratchStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The guarded release of a chunk's copies: each copy's outcome comes back at its own place, and a copy changed since it was read is left as it is. */
class MailCopyStoreReleaseTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @TempDir
  Path folder;

  private ScratchStore scratch;
  private JdbcTemplate jdbc;
  private MailCopyStore store;

  @BeforeEach
  void openStore() {
    scratch = ScratchStore.current(folder);
    jdbc = scratch.jdbc();
    store = new MailCopyStore(jdbc);
  }

  @AfterEach
  void closeStore() {
    scratch.close();
  }

  private static MailCopy copy(String recipient, Location location, ReleaseStatus status) {
    return new MailCopy("5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab", null, recipient, "sender@fabrikam.com", "Invoice",
        NOW.minusSeconds(3600), location, location == Location.Quarantine ? QuarantineType.Spam : null, null, null,
        location == Location.Quarantine ? NOW.plusSeconds(86_400) : null, status);
  }

  @Test
  void eachCopyWinsOrLosesAtItsOwnPlaceWhetherReleasedFromQuarantineOrMovedFromAFolder() {
    // given: quarantined and junk copies interleaved, two of which changed since they were read
    MailCopy quarantinedA = copy("a@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased);
    MailCopy junkB = copy("b@contoso.com", Location.JunkFolder, null);
    MailCopy quarantinedC = copy("c@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased);
    MailCopy deletedD = copy("d@contoso.com", Location.DeletedFolder, null);
    MailCopy quarantinedE = copy("e@contoso.com", Location.Quarantine, ReleaseStatus.NotReleased);
    List<MailCopy> read = List.of(quarantinedA, junkB, quarantinedC, deletedD, quarantinedE);
    store.upsert(read);
    jdbc.update("UPDATE mail_copy SET release_status = 'Released', location = 'Inbox' WHERE recipient = 'c@contoso.com'");
    jdbc.update("UPDATE mail_copy SET location = 'Inbox' WHERE recipient = 'd@contoso.com'");

    // when
    boolean[] won = store.release(read, "secops-admin@contoso.com", NOW);

    // then
    assertThat(won).containsExactly(true, true, false, false, true);
    assertThat(jdbc.queryForList("SELECT recipient, location, release_status, released_by FROM mail_copy"
        + " ORDER BY recipient")).containsExactly(
        row("a@contoso.com", "Inbox", "Released", "secops-admin@contoso.com"),
        row("b@contoso.com", "Inbox", null, null),
        row("c@contoso.com", "Inbox", "Released", null),
        row("d@contoso.com", "Inbox", null, null),
        row("e@contoso.com", "Inbox", "Released", "secops-admin@contoso.com"));
  }

  private static Map<String, Object> row(String recipient, String location, String status, String releasedBy) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("RECIPIENT", recipient);
    row.put("LOCATION", location);
    row.put("RELEASE_STATUS", status);
    row.put("RELEASED_BY", releasedBy);
    return row;
  }
}
