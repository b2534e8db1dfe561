-- Instants (the *_at columns) are microseconds since 1970-01-01T00:00:00Z. HSQLDB writes every
-- row a transaction changes to its log as SQL text, and formatting a timestamp there took a tenth
-- of a million-row release; a number costs next to nothing. Read one in SQL with
-- TIMESTAMPADD(SQL_TSI_FRAC_SECOND, acted_at * 1000, TIMESTAMP '1970-01-01 00:00:00+00:00').
CREATE CACHED TABLE IF NOT EXISTS mail_copy (
  network_message_id VARCHAR(64) NOT NULL,
  recipient VARCHAR(320) NOT NULL,
  internet_message_id VARCHAR(1000),
  sender VARCHAR(320),
  subject VARCHAR(4000),
  received_at BIGINT,
  location VARCHAR(16) NOT NULL,
  quarantine_type VARCHAR(24),
  policy_type VARCHAR(64),
  policy_name VARCHAR(256),
  expires_at BIGINT,
  release_status VARCHAR(16),
  released_by VARCHAR(320),
  released_at BIGINT,
  quarantine_identity VARCHAR(100),
  PRIMARY KEY (network_message_id, recipient)
);

-- When each copy was received, for the quarantine page, newest first: read backwards, this index
-- gives the newest copies without sorting the store (HSQLDB sorts a whole result before its first
-- row is read: 26 s for 455,000 copies). SchemaUpgrade's triggers on mail_copy keep it. It is a table
-- of its own because HSQLDB writes an updated row anew into every index of its table: an index on
-- mail_copy.received_at made the release statements of a million copies 2.9 times as slow (18.7 s,
-- then 54.7 s in plain JDBC), each released copy moving in an index the release does not follow.
-- Imports pay instead: inserting a million copies took 19-23 s, then 26-30 s in order of received
-- time (random message ids), and 4.6 s, then 27 s in random order of it, as the benchmark lists them.
CREATE CACHED TABLE IF NOT EXISTS copy_received (
  received_at BIGINT,
  network_message_id VARCHAR(64) NOT NULL,
  recipient VARCHAR(320) NOT NULL
);

CREATE INDEX IF NOT EXISTS copy_received_newest ON copy_received (received_at, network_message_id, recipient);

CREATE CACHED TABLE IF NOT EXISTS email_action (
  action_id VARCHAR(36) NOT NULL PRIMARY KEY,
  job_instance_id BIGINT NOT NULL UNIQUE,
  job_execution_id BIGINT NOT NULL,
  name VARCHAR(256),
  source VARCHAR(32) NOT NULL,
  action_type VARCHAR(16) NOT NULL,
  operator VARCHAR(320) NOT NULL,
  release_to VARCHAR(4000) NOT NULL,
  input_file VARCHAR(4000),
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  rows_read BIGINT DEFAULT 0 NOT NULL,
  entities BIGINT DEFAULT 0 NOT NULL,
  duplicate_rows BIGINT DEFAULT 0 NOT NULL,
  exit_code INTEGER,
  dry_run BOOLEAN DEFAULT FALSE NOT NULL
);

-- What qrelease needs to know of each run beyond Spring Batch's own records, kept by the jobs: the
-- input it read and that input's hash, so that resuming over a changed file is refused; a rule's
-- filter and the end of its window, so that the next run knows where its window starts.
CREATE CACHED TABLE IF NOT EXISTS run_input (
  job_instance_id BIGINT NOT NULL PRIMARY KEY,
  job_name VARCHAR(100) NOT NULL,
  input_file VARCHAR(2500),
  input_sha256 VARCHAR(64),
  dry_run BOOLEAN NOT NULL,
  rule_filter VARCHAR(2500),
  window_end BIGINT
);

CREATE INDEX IF NOT EXISTS run_input_file ON run_input (job_name, input_file);

CREATE CACHED TABLE IF NOT EXISTS action_audit (
  action_id VARCHAR(36) NOT NULL,
  network_message_id VARCHAR(256) NOT NULL,
  recipient VARCHAR(320) NOT NULL,
  result VARCHAR(24) NOT NULL,
  reason VARCHAR(24),
  operator VARCHAR(320) NOT NULL,
  acted_at BIGINT NOT NULL,
  line_number BIGINT NOT NULL,
  detail VARCHAR(1000),
  batch INTEGER,
  PRIMARY KEY (action_id, network_message_id, recipient)
);

-- An action's audit rows in input order, for actions show and export: read a page at a time along
-- this index instead of sorted whole (an action of 200,000 entities: 12-14 s, then 1.4-1.8 s in-process).
-- It costs a release 5 to 10 % of its statements' time.
CREATE INDEX IF NOT EXISTS action_audit_line ON action_audit (action_id, line_number, network_message_id, recipient);

-- The counts of an action's audit rows, per result and reason: each chunk adds its own in its
-- transaction (a few rows a chunk, summed when read), so that the end of a run, summaries and
-- listings need not count a million audit rows. The reads seek an action's rows by the index.
CREATE CACHED TABLE IF NOT EXISTS action_count (
  action_id VARCHAR(36) NOT NULL,
  result VARCHAR(24) NOT NULL,
  reason VARCHAR(24),
  entities BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS action_count_action ON action_count (action_id);

-- The calls a release in a tenant made, each a range of positions of the action's outbox (see
-- OutboxStore): recorded Prepared before the call, so that a run killed while it was in flight shows
-- it; Accepted with the tenant's bulk id; Verified or Failed once every entity of it is accounted for.
CREATE CACHED TABLE IF NOT EXISTS tenant_batch (
  action_id VARCHAR(36) NOT NULL,
  batch INTEGER NOT NULL,
  entities INTEGER NOT NULL,
  first_position BIGINT NOT NULL,
  last_position BIGINT NOT NULL,
  state VARCHAR(12) NOT NULL,
  bulk_id VARCHAR(100),
  sent_at BIGINT,
  refused INTEGER DEFAULT 0 NOT NULL,
  verified INTEGER DEFAULT 0 NOT NULL,
  not_verified INTEGER DEFAULT 0 NOT NULL,
  detail VARCHAR(1000),
  PRIMARY KEY (action_id, batch)
);

CREATE CACHED TABLE IF NOT EXISTS import_reject (
  job_instance_id BIGINT NOT NULL,
  line_number BIGINT NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  PRIMARY KEY (job_instance_id, line_number)
);

-- HSQLDB builds a whole result before the first row is read; beyond this many rows it keeps the
-- result on disk, so listing or exporting the entities of a million-row action fits in any heap.
SET DATABASE DEFAULT RESULT MEMORY ROWS 10000;

-- A store of a million copies outgrows HSQLDB's default 256 MB of memory-mapped data file, past
-- which every cache miss becomes a read system call: measured on a million-row release, mapping
-- up to 4 GB cut the run by a third. Checkpointing every 500 MB of log rather than 50 MB saves a
-- further few percent; the restart guarantee rests on the log either way, only its replay after
-- a crash grows.
SET FILES NIO SIZE 4096;
SET FILES LOG SIZE 500;
