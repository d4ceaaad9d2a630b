-- Loyalty: the program's rules and the purchases the coalition's partners record.
CREATE SCHEMA loyalty;

CREATE TABLE loyalty.program_rules (
  program_id uuid PRIMARY KEY,
  rules      jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

-- A purchase at a partner business. member_id is NULL while the buyer's phone is not a member (unmatched);
-- medical categories keep no description (seed "Врачебная тайна").
CREATE TABLE loyalty.purchases (
  id              uuid PRIMARY KEY,
  program_id      uuid NOT NULL,
  business_id     uuid NOT NULL,
  member_id       uuid,
  phone           text,
  amount          numeric(19,2) NOT NULL CHECK (amount > 0),
  refunded_amount numeric(19,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  category        text NOT NULL,
  description     text,
  external_id     text,
  occurred_at     timestamptz NOT NULL,
  occurred_on     date NOT NULL,
  bonuses_earned  numeric(19,2) NOT NULL DEFAULT 0,
  bonuses_spent   numeric(19,2) NOT NULL DEFAULT 0,
  earn_tx_id      uuid,
  spend_tx_id     uuid,
  status          text NOT NULL CHECK (status IN ('recorded', 'unmatched', 'refunded')),
  engaged         boolean NOT NULL DEFAULT false,
  source_business_id uuid,
  channel         text NOT NULL,
  recorded_by     text NOT NULL,
  created_at      timestamptz NOT NULL,
  CHECK (member_id IS NOT NULL OR phone IS NOT NULL)
);
CREATE UNIQUE INDEX purchases_external_id ON loyalty.purchases (program_id, business_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX purchases_by_member ON loyalty.purchases (program_id, member_id, occurred_at) WHERE member_id IS NOT NULL;
CREATE INDEX purchases_unmatched ON loyalty.purchases (program_id, phone, occurred_at) WHERE member_id IS NULL;
CREATE INDEX purchases_by_business ON loyalty.purchases (program_id, business_id, occurred_at);
