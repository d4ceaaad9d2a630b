CREATE SCHEMA notifications;

-- One message to one member on one channel. Written in the transaction of the event that caused it, delivered by
-- the worker (claim with FOR UPDATE SKIP LOCKED + a lease). status: queued, sending, sent, delivered, opened,
-- clicked, bounced, failed (the dead-letter state), suppressed.
CREATE TABLE notifications.messages (
  id              uuid PRIMARY KEY,
  program_id      uuid NOT NULL,
  member_id       uuid NOT NULL,
  type            text NOT NULL,
  category        text NOT NULL,
  priority        text NOT NULL,
  channel         text NOT NULL,
  status          text NOT NULL,
  dedupe_key      text NOT NULL,
  locale          text NOT NULL,
  recipient       text,
  subject         text,
  body_text       text NOT NULL,
  body_html       text,
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  claim_token     uuid,
  last_error      text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  read_at         timestamptz,
  UNIQUE (program_id, dedupe_key, channel)
);
CREATE INDEX messages_due ON notifications.messages (next_attempt_at) WHERE status = 'queued';
CREATE INDEX messages_leased ON notifications.messages (lease_until) WHERE status = 'sending';
CREATE INDEX messages_inbox ON notifications.messages (program_id, member_id, created_at DESC)
  WHERE channel = 'in_app';
CREATE INDEX messages_failed ON notifications.messages (program_id, created_at DESC) WHERE status = 'failed';

CREATE TABLE notifications.message_events (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  message_id  uuid NOT NULL REFERENCES notifications.messages (id),
  status      text NOT NULL,
  reason      text,
  at          timestamptz NOT NULL
);
CREATE INDEX message_events_message ON notifications.message_events (message_id, at);
COMMENT ON TABLE notifications.message_events IS 'append-only: the status history of every message';

-- The member's notification addresses and preferences, kept by this module (identity holds only the phone).
CREATE TABLE notifications.preferences (
  program_id     uuid NOT NULL,
  member_id      uuid NOT NULL,
  email          text,
  locale         text NOT NULL DEFAULT 'ru',
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id)
);

-- Per-program SMTP settings overriding spring.mail.*; the password is encrypted with SecretBox.
CREATE TABLE notifications.smtp_settings (
  program_id     uuid PRIMARY KEY,
  host           text NOT NULL,
  port           int NOT NULL,
  username       text,
  password_enc   text,
  from_address   text NOT NULL,
  start_tls      boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL
);
