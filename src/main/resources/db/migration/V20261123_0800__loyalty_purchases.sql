-- Loyalty purchases pipeline: what a purchase earned, cost and answered, its refunds, and the categories each member
-- has bought in (for the new-category multiplier).

ALTER TABLE loyalty.purchases
  ADD COLUMN status_before  text CHECK (status_before IN ('insider', 'vip', 'elite', 'inner_circle')),
  ADD COLUMN status_after   text CHECK (status_after IN ('insider', 'vip', 'elite', 'inner_circle')),
  ADD COLUMN pending_until  timestamptz,
  ADD COLUMN events_budget  numeric(19,2) NOT NULL DEFAULT 0 CHECK (events_budget >= 0),
  ADD COLUMN commission     numeric(19,2) NOT NULL DEFAULT 0 CHECK (commission >= 0),
  ADD COLUMN matched_at     timestamptz;

-- The first purchase of a member in a category. Inserted with ON CONFLICT DO NOTHING in the purchase's transaction:
-- the unique key makes a concurrent purchase in the same category wait for the first and see it is not new.
CREATE TABLE loyalty.member_categories (
  program_id        uuid NOT NULL,
  member_id         uuid NOT NULL,
  category          text NOT NULL,
  first_purchase_id uuid NOT NULL,
  first_at          timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id, category)
);

CREATE TABLE loyalty.purchase_refunds (
  id                 uuid PRIMARY KEY,
  program_id         uuid NOT NULL,
  purchase_id        uuid NOT NULL,
  amount             numeric(19,2) NOT NULL CHECK (amount > 0),
  bonuses_reversed   numeric(19,2) NOT NULL CHECK (bonuses_reversed >= 0),
  bonuses_restored   numeric(19,2) NOT NULL CHECK (bonuses_restored >= 0),
  loss               numeric(19,2) NOT NULL CHECK (loss >= 0),
  events_budget      numeric(19,2) NOT NULL CHECK (events_budget >= 0),
  commission         numeric(19,2) NOT NULL CHECK (commission >= 0),
  status_before      text,
  status_after       text,
  recorded_by        text NOT NULL,
  created_at         timestamptz NOT NULL
);
CREATE INDEX purchase_refunds_by_purchase ON loyalty.purchase_refunds (program_id, purchase_id, created_at);
COMMENT ON TABLE loyalty.purchase_refunds IS 'append-only: refunds of purchases and what each reversed';
