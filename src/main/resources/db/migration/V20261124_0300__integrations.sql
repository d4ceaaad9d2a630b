-- Integrations: per-business connections to partners' systems (settings, encrypted secrets, sync state), and CSV
-- imports with their stored files and rejected rows.
CREATE SCHEMA integrations;

-- One business's connection to one system. secrets maps a secret's name to its SecretBox ciphertext. sync_from is
-- where the next sync window starts (before the overlap); claimed_until is the lease of the run syncing it now.
CREATE TABLE integrations.integrations (
  id                    uuid PRIMARY KEY,
  program_id            uuid NOT NULL,
  business_id           uuid NOT NULL,
  system                text NOT NULL,
  settings              jsonb NOT NULL,
  secrets               jsonb NOT NULL,
  webhook_token         text NOT NULL,
  enabled               boolean NOT NULL,
  sync_interval_seconds integer NOT NULL CHECK (sync_interval_seconds >= 60),
  status                text NOT NULL CHECK (status IN ('active', 'failing')),
  sync_from             timestamptz NOT NULL,
  next_run_at           timestamptz NOT NULL,
  claimed_until         timestamptz,
  consecutive_failures  integer NOT NULL DEFAULT 0,
  last_success_at       timestamptz,
  last_error            text,
  last_error_at         timestamptz,
  last_run              jsonb,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  UNIQUE (program_id, business_id, system)
);
CREATE INDEX integrations_due ON integrations.integrations (program_id, next_run_at) WHERE enabled;

-- A CSV (or JSON lines) import: a job over the stored file, with its progress.
CREATE TABLE integrations.imports (
  id            uuid PRIMARY KEY,
  program_id    uuid NOT NULL,
  business_id   uuid NOT NULL,
  file_sha256   text NOT NULL,
  file_name     text,
  format        text NOT NULL CHECK (format IN ('csv', 'jsonl')),
  size_bytes    bigint NOT NULL,
  status        text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  rows_read     bigint NOT NULL DEFAULT 0,
  imported      bigint NOT NULL DEFAULT 0,
  duplicate     bigint NOT NULL DEFAULT 0,
  rejected      bigint NOT NULL DEFAULT 0,
  error         text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL,
  started_at    timestamptz,
  finished_at   timestamptz,
  UNIQUE (program_id, business_id, file_sha256)
);

-- The uploaded file in chunks of up to 1 MiB, read back in order as one stream (so every replica can run the job).
CREATE TABLE integrations.import_chunks (
  program_id  uuid NOT NULL,
  import_id   uuid NOT NULL REFERENCES integrations.imports (id) ON DELETE CASCADE,
  seq         integer NOT NULL,
  bytes       bytea NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- Rows the import could not record, with their line number (1 = the header) and why.
CREATE TABLE integrations.import_rejections (
  program_id  uuid NOT NULL,
  import_id   uuid NOT NULL REFERENCES integrations.imports (id) ON DELETE CASCADE,
  line        bigint NOT NULL,
  reason      text NOT NULL,
  raw         text NOT NULL,
  PRIMARY KEY (import_id, line)
);
