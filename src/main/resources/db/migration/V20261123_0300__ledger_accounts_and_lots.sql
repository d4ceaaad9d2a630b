-- Ledger: the double-entry record of bonus points (1 point = 1 unit of the program currency, 2 decimals).
--
-- An account is named by (account, owner_id), there is no table of accounts:
--   MEMBER_PENDING, MEMBER_AVAILABLE   owner = the member                  (positive: points the member holds)
--   LIABILITY, SETTLEMENT, LOSS        owner = a party: a business, or the club itself (the program id)
--   EVENTS_BUDGET, PLATFORM_REVENUE    owner = the club (the program id)
-- Every transaction's legs sum to exactly zero (enforced at commit by the constraint triggers below). Nothing in
-- transactions, entries or lot_movements is ever updated or deleted: corrections are new, linked transactions.

CREATE SCHEMA ledger;

CREATE TABLE ledger.transactions (
  id              uuid PRIMARY KEY,
  program_id      uuid NOT NULL,
  reason          text NOT NULL CHECK (reason IN ('PURCHASE_EARN', 'REFERRAL_REWARD', 'PROMOTION_BONUS',
                    'PURCHASE_SPEND', 'REWARD_REDEMPTION', 'REFUND_REVERSAL', 'SPEND_RESTORE', 'ADJUSTMENT',
                    'RELEASE', 'EXPIRY', 'BUDGET_CONTRIBUTION', 'COMMISSION', 'SETTLEMENT_PAYMENT', 'TRANSFER')),
  member_id       uuid,
  party_id        uuid,
  description     text CHECK (length(description) <= 500),
  actor           text NOT NULL CHECK (actor <> '' AND length(actor) <= 200),
  source_type     text NOT NULL CHECK (source_type IN ('purchase', 'refund', 'adjustment', 'expiry', 'release',
                    'transfer', 'referral', 'reward', 'promotion', 'event')),
  source_id       uuid,
  reverses        uuid REFERENCES ledger.transactions (id),
  idempotency_key text CHECK (idempotency_key <> '' AND length(idempotency_key) <= 255),
  created_at      timestamptz NOT NULL,
  CONSTRAINT transactions_idempotency_key UNIQUE (program_id, idempotency_key)
);
COMMENT ON TABLE ledger.transactions IS
  'append-only: ledger transaction headers; a correction is a new transaction linked by reverses';
CREATE INDEX transactions_by_member ON ledger.transactions (program_id, member_id, created_at DESC, id DESC)
  WHERE member_id IS NOT NULL;
CREATE INDEX transactions_by_reverses ON ledger.transactions (reverses) WHERE reverses IS NOT NULL;

CREATE TABLE ledger.entries (
  transaction_id uuid NOT NULL REFERENCES ledger.transactions (id),
  line           smallint NOT NULL CHECK (line >= 1),
  program_id     uuid NOT NULL,
  account        text NOT NULL CHECK (account IN ('MEMBER_PENDING', 'MEMBER_AVAILABLE', 'LIABILITY', 'SETTLEMENT',
                   'LOSS', 'EVENTS_BUDGET', 'PLATFORM_REVENUE')),
  owner_id       uuid NOT NULL,
  amount         numeric(19,2) NOT NULL CHECK (amount <> 0),
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (transaction_id, line)
);
COMMENT ON TABLE ledger.entries IS
  'append-only: the legs of ledger transactions; the legs of one transaction sum to zero';
-- Account balances (system and partner accounts are never a hot row) are SUMs over this index, index-only.
CREATE INDEX entries_by_account ON ledger.entries (program_id, owner_id, account, created_at) INCLUDE (amount);
-- Payables between parties for a period (the partners' monthly statements).
CREATE INDEX entries_settlement ON ledger.entries (program_id, created_at) INCLUDE (owner_id, amount)
  WHERE account = 'SETTLEMENT';

-- A transaction balances: its legs sum to zero and it has at least two. Checked at commit (deferred), once for
-- the header and again for every leg, so neither a header without legs nor a leg added later can slip through.
CREATE FUNCTION ledger.assert_balanced(tx uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  legs  int;
BEGIN
  SELECT coalesce(sum(amount), 0), count(*) INTO total, legs FROM ledger.entries WHERE transaction_id = tx;
  IF total <> 0 OR legs < 2 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance: % legs summing to %', tx, legs, total
      USING ERRCODE = 'check_violation';
  END IF;
END $$;

CREATE FUNCTION ledger.transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger.assert_balanced(NEW.id);
  RETURN NULL;
END $$;

CREATE FUNCTION ledger.entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger.assert_balanced(NEW.transaction_id);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER transactions_balance AFTER INSERT ON ledger.transactions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.transaction_balanced();
CREATE CONSTRAINT TRIGGER entries_balance AFTER INSERT ON ledger.entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.entry_balanced();

-- Lots: what each earn put in a member's wallet and how much of it is left. Mutable state kept alongside the
-- entries in the same transactions (not the ledger itself): the sum of remaining of a member's lots in a state
-- equals the member's balance in that state.
CREATE TABLE ledger.lots (
  id                  uuid PRIMARY KEY,
  program_id          uuid NOT NULL,
  member_id           uuid NOT NULL,
  funder_id           uuid NOT NULL,
  earn_transaction_id uuid NOT NULL UNIQUE REFERENCES ledger.transactions (id),
  amount              numeric(19,2) NOT NULL CHECK (amount > 0),
  remaining           numeric(19,2) NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
  reversed            numeric(19,2) NOT NULL DEFAULT 0 CHECK (reversed >= 0 AND reversed <= amount),
  state               text NOT NULL CHECK (state IN ('PENDING', 'AVAILABLE')),
  earned_at           timestamptz NOT NULL,
  available_at        timestamptz NOT NULL,
  expires_at          timestamptz NOT NULL CHECK (expires_at > earned_at)
);
CREATE INDEX lots_spendable ON ledger.lots (program_id, member_id, expires_at, id) WHERE remaining > 0;
CREATE INDEX lots_due_release ON ledger.lots (program_id, available_at) WHERE state = 'PENDING';
CREATE INDEX lots_due_expiry ON ledger.lots (program_id, expires_at) WHERE remaining > 0;
CREATE INDEX lots_by_funder ON ledger.lots (program_id, funder_id) WHERE remaining > 0;

-- Which lots each transaction took from (amount > 0) or gave back to (amount < 0): spends, refunds, restores,
-- negative adjustments, expiries. remaining = amount - sum(movements) for every lot.
CREATE TABLE ledger.lot_movements (
  transaction_id uuid NOT NULL REFERENCES ledger.transactions (id),
  lot_id         uuid NOT NULL REFERENCES ledger.lots (id),
  program_id     uuid NOT NULL,
  amount         numeric(19,2) NOT NULL CHECK (amount <> 0),
  PRIMARY KEY (transaction_id, lot_id)
);
COMMENT ON TABLE ledger.lot_movements IS 'append-only: how much each ledger transaction took from or returned to a lot';
CREATE INDEX lot_movements_by_lot ON ledger.lot_movements (lot_id);

-- A member's balance, updated in the same database transaction as the member's entries (from the same legs).
CREATE TABLE ledger.member_balances (
  program_id uuid NOT NULL,
  member_id  uuid NOT NULL,
  available  numeric(19,2) NOT NULL CHECK (available >= 0),
  pending    numeric(19,2) NOT NULL CHECK (pending >= 0),
  version    bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id)
);
