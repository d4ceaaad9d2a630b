-- Messages admins schedule for members: once or recurring (daily, weekly, monthly) until a moment.
CREATE TABLE notifications.schedules (
  id           uuid PRIMARY KEY,
  program_id   uuid NOT NULL,
  member_ids   uuid[] NOT NULL,
  category     text NOT NULL,
  priority     text NOT NULL,
  subject      text,
  text         text NOT NULL,
  html         text,
  recurrence   text NOT NULL,
  next_run_at  timestamptz,
  until_at     timestamptz,
  runs         int NOT NULL DEFAULT 0,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE INDEX schedules_due ON notifications.schedules (next_run_at) WHERE next_run_at IS NOT NULL;
