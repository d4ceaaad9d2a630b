-- Identity: members (phone + SMS code), consents, login codes, sessions with rotating refresh tokens, staff
-- (password + TOTP), API keys, and per-program security settings.
CREATE SCHEMA identity;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE identity.member_number_seq START 100001;

CREATE TABLE identity.members (
  id                 uuid PRIMARY KEY,
  program_id         uuid NOT NULL,
  member_number      bigint NOT NULL DEFAULT nextval('identity.member_number_seq'),
  phone              text,
  email              text,
  first_name         text,
  last_name          text,
  birth_date         date,
  city               text,
  avatar_url         text,
  status             text NOT NULL DEFAULT 'insider' CHECK (status IN ('insider', 'vip', 'elite', 'inner_circle')),
  referral_code_used text,
  source             text NOT NULL CHECK (source IN ('self', 'import')),
  marketing_consent  boolean NOT NULL DEFAULT false,
  is_verified        boolean NOT NULL DEFAULT false,
  is_active          boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  last_login_at      timestamptz,
  erased_at          timestamptz
);
CREATE UNIQUE INDEX members_phone ON identity.members (program_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX members_email ON identity.members (program_id, lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX members_number ON identity.members (member_number);
CREATE INDEX members_search_name ON identity.members
  USING gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '')) gin_trgm_ops);
CREATE INDEX members_by_program ON identity.members (program_id, created_at, id);

-- Every consent given or withdrawn, with the text version and where it came from.
CREATE TABLE identity.consents (
  id           uuid PRIMARY KEY,
  program_id   uuid NOT NULL,
  member_id    uuid NOT NULL REFERENCES identity.members (id),
  kind         text NOT NULL CHECK (kind IN ('personal_data', 'marketing')),
  granted      boolean NOT NULL,
  text_version text NOT NULL,
  source       text NOT NULL,
  details      text,
  recorded_at  timestamptz NOT NULL
);
CREATE INDEX consents_by_member ON identity.consents (member_id, recorded_at);
COMMENT ON TABLE identity.consents IS 'append-only: consent history';

CREATE TABLE identity.login_codes (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  phone       text NOT NULL,
  code_hash   text NOT NULL,
  attempts    int NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX login_codes_by_phone ON identity.login_codes (program_id, phone, created_at DESC);

-- A session is one login: a family of rotating refresh tokens. Access tokens name their session, so revoking it
-- (logout, refresh-token reuse) ends them too.
CREATE TABLE identity.sessions (
  id             uuid PRIMARY KEY,
  program_id     uuid NOT NULL,
  subject_kind   text NOT NULL CHECK (subject_kind IN ('member', 'staff')),
  subject_id     uuid NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_reason text
);
CREATE INDEX sessions_by_subject ON identity.sessions (subject_id) WHERE revoked_at IS NULL;

CREATE TABLE identity.refresh_tokens (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  session_id  uuid NOT NULL REFERENCES identity.sessions (id),
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX refresh_tokens_by_session ON identity.refresh_tokens (session_id);

CREATE TABLE identity.staff (
  id                  uuid PRIMARY KEY,
  program_id          uuid NOT NULL,
  email               text NOT NULL,
  name                text NOT NULL,
  role                text NOT NULL CHECK (role IN ('business_manager', 'business_owner', 'platform_admin')),
  business_id         uuid,
  password_hash       text NOT NULL,
  totp_secret         text,
  totp_enabled        boolean NOT NULL DEFAULT false,
  totp_last_step      bigint,
  failed_logins       int NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  is_active           boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL,
  last_login_at       timestamptz,
  CHECK (role = 'platform_admin' OR business_id IS NOT NULL)
);
CREATE UNIQUE INDEX staff_email ON identity.staff (program_id, lower(email));

CREATE TABLE identity.api_keys (
  id           uuid PRIMARY KEY,
  program_id   uuid NOT NULL,
  name         text NOT NULL,
  prefix       text NOT NULL,
  secret_hash  text NOT NULL UNIQUE,
  scopes       text[] NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_keys_by_program ON identity.api_keys (program_id, created_at);

CREATE TABLE identity.program_settings (
  program_id          uuid PRIMARY KEY,
  staff_totp_required boolean NOT NULL DEFAULT false,
  consent_version     text NOT NULL DEFAULT '1.0',
  updated_at          timestamptz NOT NULL
);
