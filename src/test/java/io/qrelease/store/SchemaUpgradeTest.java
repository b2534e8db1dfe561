package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.domain.MailCopy;
import io.qrelease.testing.ScratchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** A store written by a version that kept instants as timestamps opens with every instant intact. */
class SchemaUpgradeTest {

  private static final String MESSAGE = "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab";
  private static final String ACTION = "0a1b2c3d-0000-4000-8000-000000000001";

  @RegisterExtension
  final ScratchStore scratch = ScratchStore.empty();
  private final JdbcTemplate jdbc = scratch.jdbc();

  @Test
  void instantsKeptAsTimestampsReadBackUnchangedAfterTheUpgrade() {
    // given
    givenTheTablesOfTheEarlierVersionWithInstantsAtOtherOffsets();

    // when: the version that keeps microseconds starts on it
    upgrade();

    // then
    assertInstantsIntact();
  }

  @Test
  void aConversionCutShortBeforeItDroppedTheTimestampsStartsOverOnTheNextStart() {
    // given: the new column added and partly filled when the process died
    givenTheTablesOfTheEarlierVersionWithInstantsAtOtherOffsets();
    jdbc.execute("ALTER TABLE action_audit ADD COLUMN acted_at_micros BIGINT");
    jdbc.execute("UPDATE action_audit SET acted_at_micros = 42");

    // when
    upgrade();

    // then
    assertInstantsIntact();
  }

  @Test
  void aConversionCutShortAfterItDroppedTheTimestampsIsFinishedOnTheNextStart() {
    // given: the timestamps copied and dropped when the process died
    givenTheTablesOfTheEarlierVersionWithInstantsAtOtherOffsets();
    jdbc.execute("ALTER TABLE action_audit ADD COLUMN acted_at_micros BIGINT");
    jdbc.execute("UPDATE action_audit SET acted_at_micros"
        + " = DATEDIFF('microsecond', TIMESTAMP '1970-01-01 00:00:00+00:00', acted_at)");
    jdbc.execute("ALTER TABLE action_audit DROP COLUMN acted_at");

    // when
    upgrade();

    // then
    assertInstantsIntact();
  }

  private void givenTheTablesOfTheEarlierVersionWithInstantsAtOtherOffsets() {
    jdbc.execute("""
        CREATE CACHED TABLE mail_copy (network_message_id VARCHAR(64) NOT NULL, recipient VARCHAR(320) NOT NULL,
          internet_message_id VARCHAR(1000), sender VARCHAR(320), subject VARCHAR(4000),
          received_at TIMESTAMP WITH TIME ZONE, location VARCHAR(16) NOT NULL, quarantine_type VARCHAR(24),
          policy_type VARCHAR(64), policy_name VARCHAR(256), expires_at TIMESTAMP WITH TIME ZONE,
          release_status VARCHAR(16), released_by VARCHAR(320), released_at TIMESTAMP WITH TIME ZONE,
          PRIMARY KEY (network_message_id, recipient))""");
    jdbc.execute("""
        CREATE CACHED TABLE email_action (action_id VARCHAR(36) NOT NULL PRIMARY KEY,
          job_instance_id BIGINT NOT NULL UNIQUE, job_execution_id BIGINT NOT NULL, name VARCHAR(256),
          source VARCHAR(32) NOT NULL, action_type VARCHAR(16) NOT NULL, operator VARCHAR(320) NOT NULL,
          release_to VARCHAR(4000) NOT NULL, input_file VARCHAR(4000), status VARCHAR(16) NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL, finished_at TIMESTAMP WITH TIME ZONE,
          rows_read BIGINT DEFAULT 0 NOT NULL, entities BIGINT DEFAULT 0 NOT NULL,
          duplicate_rows BIGINT DEFAULT 0 NOT NULL, exit_code INTEGER, dry_run BOOLEAN DEFAULT FALSE NOT NULL)""");
    jdbc.execute("""
        CREATE CACHED TABLE action_audit (action_id VARCHAR(36) NOT NULL, network_message_id VARCHAR(256) NOT NULL,
          recipient VARCHAR(320) NOT NULL, result VARCHAR(24) NOT NULL, reason VARCHAR(24),
          operator VARCHAR(320) NOT NULL, acted_at TIMESTAMP WITH TIME ZONE NOT NULL, line_number BIGINT NOT NULL,
          PRIMARY KEY (action_id, network_message_id, recipient))""");
    jdbc.update("""
        INSERT INTO mail_copy (network_message_id, recipient, received_at, location, quarantine_type, expires_at,
          release_status, released_by, released_at)
        VALUES (?, 'a@contoso.com', TIMESTAMP '2026-11-20 17:04:05.123456+02:00', 'Inbox', 'Spam',
          TIMESTAMP '2026-12-20 00:00:00-05:00', 'Released', 'secops-admin@contoso.com',
          TIMESTAMP '2026-11-26 12:00:00.5+00:00')""", MESSAGE);
    jdbc.update("""
        INSERT INTO email_action (action_id, job_instance_id, job_execution_id, source, action_type, operator,
          release_to, status, created_at, finished_at)
        VALUES (?, 1, 1, 'CsvImport', 'MoveToInbox', 'secops-admin@contoso.com', 'row', 'Completed',
          TIMESTAMP '2026-11-26 11:59:00+00:00', TIMESTAMP '2026-11-26 13:00:01.000001+01:00')""", ACTION);
    jdbc.update("""
        INSERT INTO action_audit VALUES (?, ?, 'a@contoso.com', 'Success', NULL, 'secops-admin@contoso.com',
          TIMESTAMP '2026-11-26 12:00:00.5+00:00', 2)""", ACTION, MESSAGE);

  }

  private void upgrade() {
    scratch.createSchema();
    new SchemaUpgrade(jdbc, false).afterPropertiesSet();
  }

  private void assertInstantsIntact() {
    MailCopy copy = new MailCopyStore(jdbc).copiesOf(List.of(MESSAGE)).get(MESSAGE).get(0);
    assertThat(copy.quarantineIdentity()).as("an identity no export gave yet").isNull();
    assertThat(copy.receivedAt()).isEqualTo(Instant.parse("2026-11-20T15:04:05.123456Z"));
    assertThat(copy.expiresAt()).isEqualTo(Instant.parse("2026-12-20T05:00:00Z"));
    assertThat(jdbc.query("SELECT released_at FROM mail_copy", (rows, index) -> Columns.instant(rows, "released_at")))
        .containsExactly(Instant.parse("2026-11-26T12:00:00.500Z"));
    ActionStore actions = new ActionStore(jdbc);
    ActionRecord action = actions.find(ACTION).orElseThrow();
    assertThat(action.createdAt()).isEqualTo(Instant.parse("2026-11-26T11:59:00Z"));
    assertThat(action.finishedAt()).isEqualTo(Instant.parse("2026-11-26T12:00:01.000001Z"));
    List<Instant> actedAt = new ArrayList<>();
    actions.forEachAudit(ACTION, null, null, audit -> actedAt.add(audit.actedAt()));
    assertThat(actedAt).containsExactly(Instant.parse("2026-11-26T12:00:00.500Z"));
    assertThatThrownBy(() -> jdbc.update("UPDATE action_audit SET acted_at = NULL"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aStoreOfTheCurrentVersionIsLeftAsItIs() {
    // given
    scratch.createSchema();
    String columnsBefore = columns();

    // when
    upgrade();

    // then
    assertThat(columns()).isEqualTo(columnsBefore);
  }

  private String columns() {
    return String.join(",", jdbc.queryForList("SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION",
        String.class));
  }
}
