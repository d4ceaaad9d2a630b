-- Ledger: the program's internal currency (seed 001's ZNC) next to bonus points, in the same double-entry books.
--   MEMBER_CURRENCY   owner = the member   (positive: currency the member holds)
--   CURRENCY_ISSUED   owner = the club     (negative: currency issued and outstanding or spent)
--   CURRENCY_REVENUE  owner = the club     (positive: currency members spent on bundles and tokens)
-- A deposit is CURRENCY_ISSUED −x, MEMBER_CURRENCY +x; a purchase MEMBER_CURRENCY −y, CURRENCY_REVENUE +y.
-- The member's balance row is updated in the same statement as the entries, with a conditional debit, like
-- ledger.member_balances; the club's accounts have no balance row (sums over entries), so nothing is a hot row.

-- Widens a text column's IN-list check by new values, keeping the values already allowed (whoever added them,
-- in whatever order their migrations ran).
CREATE FUNCTION ledger.allow_values(tbl regclass, col text, added text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  con record;
  allowed text[];
BEGIN
  SELECT c.conname, pg_get_constraintdef(c.oid) AS def INTO con FROM pg_constraint c
  WHERE c.conrelid = tbl AND c.contype = 'c'
    AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = tbl AND attname = col)];
  SELECT array_agg(DISTINCT v ORDER BY v) INTO allowed FROM (
    SELECT unnest(string_to_array(btrim(m[1], '{}'), ',')) AS v
    FROM regexp_matches(con.def, '''([^'']+)''', 'g') AS m
    UNION SELECT unnest(added)) x;
  EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, con.conname);
  EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%I = ANY (%L::text[]))', tbl, con.conname, col, allowed);
END $$;

SELECT ledger.allow_values('ledger.transactions', 'reason', ARRAY['CURRENCY_DEPOSIT', 'CURRENCY_SPEND']);
SELECT ledger.allow_values('ledger.transactions', 'source_type', ARRAY['deposit', 'bundle', 'access_token']);
SELECT ledger.allow_values('ledger.entries', 'account',
  ARRAY['MEMBER_CURRENCY', 'CURRENCY_ISSUED', 'CURRENCY_REVENUE']);

CREATE TABLE ledger.currency_balances (
  program_id uuid NOT NULL,
  member_id  uuid NOT NULL,
  balance    numeric(19,2) NOT NULL CHECK (balance >= 0),
  version    bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id)
);
