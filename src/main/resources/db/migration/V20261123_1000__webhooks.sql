-- Webhooks: endpoints that receive signed events (Standard Webhooks), the outbox of messages to deliver, the log of
-- delivery attempts, and the log of every catalogued event that replays read.
CREATE SCHEMA webhooks;

-- Per program: whether members may own endpoints for events about themselves (seed 001). No row: not allowed.
CREATE TABLE webhooks.settings (
  program_id               uuid PRIMARY KEY,
  member_endpoints_allowed boolean NOT NULL,
  updated_by               text NOT NULL,
  updated_at               timestamptz NOT NULL
);

-- An endpoint of the program (owner_member_id NULL) or of one member. event_types holds exact names and wildcards
-- ('purchase.*', '*'). Secrets and custom headers are sealed with the platform's SecretBox. previous_secret still
-- signs (alongside secret) until previous_secret_expires_at, after a rotation. failing_since is the first failed
-- attempt since the last success; disabled_at/disabled_reason are set when delivery turned the endpoint off.
CREATE TABLE webhooks.endpoints (
  id                         uuid PRIMARY KEY,
  program_id                 uuid NOT NULL,
  owner_member_id            uuid,
  url                        text NOT NULL,
  description                text,
  event_types                text[] NOT NULL CHECK (cardinality(event_types) > 0),
  active                     boolean NOT NULL,
  ordered                    boolean NOT NULL,
  rate_limit_per_second      integer CHECK (rate_limit_per_second > 0),
  headers                    text,
  secret                     text NOT NULL,
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  failing_since              timestamptz,
  disabled_at                timestamptz,
  disabled_reason            text CHECK (disabled_reason IN ('gone', 'failing')),
  created_by                 text NOT NULL,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL)),
  CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
);
CREATE INDEX endpoints_by_program ON webhooks.endpoints (program_id, created_at, id);
CREATE INDEX endpoints_by_owner ON webhooks.endpoints (program_id, owner_member_id) WHERE owner_member_id IS NOT NULL;

-- Every catalogued event of a program as its webhook payload (the exact body sent), written in the transaction
-- that published the event. Replays read it.
CREATE TABLE webhooks.events (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  type        text NOT NULL,
  member_id   uuid,
  payload     text NOT NULL,
  occurred_at timestamptz NOT NULL
);
COMMENT ON TABLE webhooks.events IS 'append-only: every catalogued event of a program, as sent; replays read it';
CREATE INDEX events_by_time ON webhooks.events (program_id, occurred_at, id);

-- One event to deliver to one endpoint (the outbox). id is the webhook-id every attempt carries. A worker claims a
-- message by setting lease and locked_until; a message whose lease ran out is claimable again. order_key is set for
-- ordered endpoints: the member (or the nil uuid for events about no member); such a message waits while an earlier
-- one (by seq) of the same endpoint and key is pending. attempts counts attempts since it was last (re)queued.
CREATE TABLE webhooks.messages (
  id              uuid PRIMARY KEY,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  program_id      uuid NOT NULL,
  endpoint_id     uuid NOT NULL,
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  order_key       uuid,
  status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts        integer NOT NULL CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  lease           uuid,
  locked_until    timestamptz,
  last_attempt_at timestamptz,
  finished_at     timestamptz,
  created_at      timestamptz NOT NULL,
  CHECK ((status = 'pending') = (finished_at IS NULL))
);
CREATE INDEX messages_due ON webhooks.messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX messages_in_order ON webhooks.messages (endpoint_id, order_key, seq)
  WHERE status = 'pending' AND order_key IS NOT NULL;
CREATE INDEX messages_by_endpoint ON webhooks.messages (endpoint_id, status, finished_at);
CREATE INDEX messages_finished ON webhooks.messages (finished_at) WHERE status <> 'pending';

-- Every delivery attempt: what the endpoint answered (the first 1 KB of the body) or why it failed.
CREATE TABLE webhooks.attempts (
  id            uuid PRIMARY KEY,
  program_id    uuid NOT NULL,
  endpoint_id   uuid NOT NULL,
  message_id    uuid NOT NULL,
  event_type    text NOT NULL,
  status        text NOT NULL CHECK (status IN ('succeeded', 'failed', 'blocked')),
  response_code integer,
  duration_ms   integer NOT NULL CHECK (duration_ms >= 0),
  response_body text,
  error         text,
  attempted_at  timestamptz NOT NULL
);
CREATE INDEX attempts_by_endpoint ON webhooks.attempts (endpoint_id, attempted_at DESC, id DESC);
CREATE INDEX attempts_by_time ON webhooks.attempts (attempted_at);
