-- Platform: programs (tenants), the application role that row-level security applies to, idempotency keys,
-- rate-limit buckets, job and event-publication tables, and the SMS message log.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
    CREATE ROLE ${app_role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT pg_has_role(current_user, '${app_role}', 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', '${app_role}', current_user);
  END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS platform;

-- The program the current transaction works for, or NULL. Set per transaction by the service
-- (set_config('krug.program_id', …, true)); '*' marks the few system lookups that must span programs.
CREATE FUNCTION platform.current_program_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT NULLIF(NULLIF(current_setting('krug.program_id', true), ''), '*')::uuid
$$;

CREATE FUNCTION platform.is_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('krug.program_id', true) = '*', false)
$$;

CREATE TABLE platform.programs (
  id          uuid PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name        text NOT NULL,
  time_zone   text NOT NULL,
  currency    char(3) NOT NULL,
  is_default  boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX programs_one_default ON platform.programs (is_default) WHERE is_default;

CREATE TABLE platform.idempotency_keys (
  program_id      uuid NOT NULL,
  key             text NOT NULL,
  principal       text NOT NULL,
  request_hash    text NOT NULL,
  status          text NOT NULL CHECK (status IN ('in_progress', 'completed')),
  response_status int,
  response_headers jsonb,
  response_body   bytea,
  created_at      timestamptz NOT NULL,
  locked_until    timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (program_id, key)
);
CREATE INDEX idempotency_keys_expiry ON platform.idempotency_keys (expires_at);

CREATE TABLE platform.rate_limit_buckets (
  id         text PRIMARY KEY,
  state      bytea,
  expires_at bigint
);
CREATE INDEX rate_limit_buckets_expiry ON platform.rate_limit_buckets (expires_at);

CREATE TABLE platform.sms_messages (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  phone       text NOT NULL,
  text        text NOT NULL,
  purpose     text NOT NULL,
  provider    text NOT NULL,
  status      text NOT NULL CHECK (status IN ('sent', 'failed')),
  provider_message_id text,
  error       text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX sms_messages_by_program ON platform.sms_messages (program_id, created_at DESC);

-- Secrets the service makes for itself on first start (the JWT signing key), shared by all replicas.
CREATE TABLE platform.service_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL
);

-- db-scheduler (https://github.com/kagkarlsson/db-scheduler), PostgreSQL schema.
CREATE TABLE platform.scheduled_tasks (
  task_name            text NOT NULL,
  task_instance        text NOT NULL,
  task_data            bytea,
  execution_time       timestamptz NOT NULL,
  picked               boolean NOT NULL,
  picked_by            text,
  last_success         timestamptz,
  last_failure         timestamptz,
  consecutive_failures int,
  last_heartbeat       timestamptz,
  version              bigint NOT NULL,
  priority             smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON platform.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON platform.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON platform.scheduled_tasks (priority DESC, execution_time ASC);

-- Spring Modulith's event publication registry (the transactional outbox between modules), v2 schema.
CREATE TABLE platform.event_publication (
  id                     uuid NOT NULL PRIMARY KEY,
  listener_id            text NOT NULL,
  event_type             text NOT NULL,
  serialized_event       text NOT NULL,
  publication_date       timestamptz NOT NULL,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON platform.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON platform.event_publication (completion_date);
