-- Per-program settings of HTTP providers (Telegram bot, FCM project): the secret is sealed with SecretBox.
CREATE TABLE notifications.provider_settings (
  program_id  uuid NOT NULL,
  provider    text NOT NULL,
  base_url    text NOT NULL,
  secret_enc  text NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (program_id, provider)
);
