-- Notifications announced by a transaction but not yet rendered: one row written in the causing transaction (a
-- purchase's "bonuses earned"), turned into messages by the delivery worker after the commit, in the transaction that
-- deletes the row (PendingNotifications). The causing transaction pays one INSERT instead of rendering templates and
-- writing every channel's message and history.
CREATE TABLE notifications.pending (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  member_id   uuid NOT NULL,
  type        text NOT NULL,
  category    text NOT NULL,
  priority    text NOT NULL,
  dedupe_key  text NOT NULL,
  variables   jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX pending_oldest ON notifications.pending (created_at);
