-- A program's own templates, overriding the built-in ones for a type, channel and locale. Every save publishes a
-- new version; older versions are kept.
CREATE TABLE notifications.templates (
  id               uuid PRIMARY KEY,
  program_id       uuid NOT NULL,
  type             text NOT NULL,
  channel          text NOT NULL,
  locale           text NOT NULL,
  current_version  int NOT NULL,
  created_at       timestamptz NOT NULL,
  UNIQUE (program_id, type, channel, locale)
);

CREATE TABLE notifications.template_versions (
  id           uuid PRIMARY KEY,
  program_id   uuid NOT NULL,
  template_id  uuid NOT NULL REFERENCES notifications.templates (id) ON DELETE CASCADE,
  version      int NOT NULL,
  subject      text,
  text         text NOT NULL,
  html         text,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  UNIQUE (template_id, version)
);
