-- Partners: the businesses of a program, their categories and their promotions (bonus multipliers).

CREATE SCHEMA IF NOT EXISTS partners;

-- A program's business categories. The nine of seed 003 are created for every new program; admins may add,
-- rename or reorder them. Medical categories carry the "врачебная тайна" rules: no service details leave them.
CREATE TABLE partners.categories (
  program_id  uuid NOT NULL,
  key         text NOT NULL CHECK (key ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' AND length(key) <= 63),
  name        text NOT NULL CHECK (length(btrim(name)) > 0),
  medical     boolean NOT NULL DEFAULT false,
  sort_order  int NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (program_id, key)
);

CREATE TABLE partners.businesses (
  id            uuid PRIMARY KEY,
  program_id    uuid NOT NULL,
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  category_key  text NOT NULL,
  description   text,
  address       text,
  -- {"mon": [{"opens": "10:00", "closes": "21:00"}], …, "note": "…"}; a missing day is a closed day.
  hours         jsonb,
  phone         text,
  email         text,
  website       text,
  booking_url   text,
  logo_url      text,
  gallery_urls  jsonb NOT NULL DEFAULT '[]',
  -- [{"name": "Маникюр", "price": 3000.00, "duration_minutes": 90}]
  services      jsonb NOT NULL DEFAULT '[]',
  active        boolean NOT NULL DEFAULT true,
  -- The day the business joined the program, in the program's time zone; commission schedules count from it.
  joined_at     date NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  -- A category in use cannot be deleted.
  FOREIGN KEY (program_id, category_key) REFERENCES partners.categories (program_id, key)
);
CREATE INDEX businesses_by_category ON partners.businesses (program_id, category_key, name, id);
CREATE INDEX businesses_by_name ON partners.businesses (program_id, name, id);

-- A business's promotion multiplies the bonuses members earn there while it runs: [valid_from, valid_until).
-- Ending a promotion early moves valid_until to the moment it was ended, so its history stays true.
CREATE TABLE partners.promotions (
  id               uuid PRIMARY KEY,
  program_id       uuid NOT NULL,
  business_id      uuid NOT NULL REFERENCES partners.businesses (id),
  title            text NOT NULL CHECK (length(btrim(title)) > 0),
  description      text,
  bonus_multiplier numeric(4,2) NOT NULL CHECK (bonus_multiplier > 0 AND bonus_multiplier <= 10),
  valid_from       timestamptz NOT NULL,
  valid_until      timestamptz,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX promotions_by_business ON partners.promotions (program_id, business_id, valid_from);
