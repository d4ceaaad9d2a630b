-- Rewards: the program's currency settings, token bundles, access tokens, and the reward catalog.
-- Currency balances and moves live in the ledger (MEMBER_CURRENCY); these tables hold what the currency buys.

CREATE SCHEMA IF NOT EXISTS rewards;

-- A program's currency (seed 001's ZNC): its name and code, the low-balance threshold, and (in token_prices) the
-- price of a single access token per duration. A program without a row uses the defaults in code.
CREATE TABLE rewards.currency_settings (
  program_id            uuid PRIMARY KEY,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  code                  text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]{1,7}$'),
  low_balance_threshold numeric(19,2) NOT NULL CHECK (low_balance_threshold >= 0),
  updated_at            timestamptz NOT NULL,
  updated_by            text NOT NULL
);

CREATE TABLE rewards.token_prices (
  program_id     uuid NOT NULL,
  duration_hours integer NOT NULL CHECK (duration_hours IN (1, 12, 24, 168, 720)),
  price          numeric(19,2) NOT NULL CHECK (price > 0),
  PRIMARY KEY (program_id, duration_hours)
);

-- Seed 001's TokenBundle: token_count tokens of duration_hours each, sold at total_price = base_price less
-- discount_percent (rounded once to 0.01).
CREATE TABLE rewards.bundles (
  id               uuid PRIMARY KEY,
  program_id       uuid NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description      text CHECK (length(description) <= 1000),
  token_count      integer NOT NULL CHECK (token_count BETWEEN 1 AND 100),
  duration_hours   integer NOT NULL CHECK (duration_hours BETWEEN 1 AND 8760),
  scope            text NOT NULL CHECK (scope ~ '^[a-z0-9][a-z0-9_.:-]{0,63}$'),
  base_price       numeric(19,2) NOT NULL CHECK (base_price > 0),
  discount_percent numeric(5,2) NOT NULL CHECK (discount_percent >= 0 AND discount_percent < 100),
  total_price      numeric(19,2) NOT NULL CHECK (total_price > 0 AND total_price <= base_price),
  active           boolean NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX bundles_by_price ON rewards.bundles (program_id, total_price, id);

CREATE TABLE rewards.bundle_purchases (
  id                    uuid PRIMARY KEY,
  program_id            uuid NOT NULL,
  member_id             uuid NOT NULL,
  bundle_id             uuid NOT NULL REFERENCES rewards.bundles (id),
  price                 numeric(19,2) NOT NULL CHECK (price > 0),
  token_count           integer NOT NULL CHECK (token_count > 0),
  ledger_transaction_id uuid NOT NULL,
  purchased_at          timestamptz NOT NULL
);
COMMENT ON TABLE rewards.bundle_purchases IS 'append-only: bundles bought, each paid by one ledger currency debit';

-- Opaque access tokens: only the SHA-256 of the secret is kept. expiring_notified_at dedupes AccessTokenExpiring.
CREATE TABLE rewards.access_tokens (
  id                    uuid PRIMARY KEY,
  program_id            uuid NOT NULL,
  member_id             uuid NOT NULL,
  token_hash            text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  hint                  text NOT NULL,
  scope                 text NOT NULL CHECK (scope ~ '^[a-z0-9][a-z0-9_.:-]{0,63}$'),
  duration_hours        integer NOT NULL CHECK (duration_hours > 0),
  bundle_purchase_id    uuid REFERENCES rewards.bundle_purchases (id),
  ledger_transaction_id uuid NOT NULL,
  issued_at             timestamptz NOT NULL,
  expires_at            timestamptz NOT NULL CHECK (expires_at > issued_at),
  revoked_at            timestamptz,
  revoked_by            text,
  expiring_notified_at  timestamptz
);
CREATE INDEX access_tokens_by_member ON rewards.access_tokens (program_id, member_id, issued_at DESC, id DESC);
CREATE INDEX access_tokens_expiring ON rewards.access_tokens (program_id, expires_at)
  WHERE revoked_at IS NULL AND expiring_notified_at IS NULL;

-- The reward catalog: items bought with available bonuses. stock NULL = unlimited. business_id: the business that
-- provides the item (it redeems the bonuses and is paid by their funders); NULL = the club provides it.
CREATE TABLE rewards.catalog_items (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description text CHECK (length(description) <= 1000),
  price       numeric(19,2) NOT NULL CHECK (price > 0),
  stock       integer CHECK (stock >= 0),
  business_id uuid,
  active      boolean NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX catalog_items_by_price ON rewards.catalog_items (program_id, price, id);

CREATE TABLE rewards.redemptions (
  id                    uuid PRIMARY KEY,
  program_id            uuid NOT NULL,
  item_id               uuid NOT NULL REFERENCES rewards.catalog_items (id),
  member_id             uuid NOT NULL,
  price                 numeric(19,2) NOT NULL CHECK (price > 0),
  business_id           uuid,
  code                  text NOT NULL,
  ledger_transaction_id uuid NOT NULL,
  redeemed_at           timestamptz NOT NULL
);
COMMENT ON TABLE rewards.redemptions IS 'append-only: catalog items redeemed, each paid by one ledger spend';
CREATE INDEX redemptions_by_member ON rewards.redemptions (program_id, member_id, redeemed_at DESC);
