ALTER TABLE notifications.preferences
  ADD COLUMN email_enabled       boolean NOT NULL DEFAULT true,
  ADD COLUMN sms_enabled         boolean NOT NULL DEFAULT false,
  ADD COLUMN push_enabled        boolean NOT NULL DEFAULT true,
  ADD COLUMN in_app_enabled      boolean NOT NULL DEFAULT true,
  ADD COLUMN disabled_categories text[] NOT NULL DEFAULT '{marketing}',
  ADD COLUMN quiet_start         text NOT NULL DEFAULT '22:00',
  ADD COLUMN quiet_end           text NOT NULL DEFAULT '08:00',
  ADD COLUMN time_zone           text,
  ADD COLUMN digest              text NOT NULL DEFAULT 'off',
  ADD COLUMN daily_cap           int NOT NULL DEFAULT 10,
  ADD COLUMN push_tokens         text[] NOT NULL DEFAULT '{}',
  ADD COLUMN telegram_chat_id    text;

CREATE TABLE notifications.preference_changes (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  member_id   uuid NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL,
  old_value   jsonb,
  new_value   jsonb NOT NULL
);
CREATE INDEX preference_changes_member ON notifications.preference_changes (program_id, member_id, changed_at);
COMMENT ON TABLE notifications.preference_changes IS 'append-only: who changed which notification preferences';

-- One-click unsubscribe tokens (RFC 8058): random, stored as SHA-256, valid 90 days, single use.
CREATE TABLE notifications.unsubscribe_tokens (
  token_hash  text PRIMARY KEY,
  program_id  uuid NOT NULL,
  member_id   uuid NOT NULL,
  category    text,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL
);
