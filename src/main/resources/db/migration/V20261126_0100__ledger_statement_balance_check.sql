-- The legs of a ledger transaction are checked once per INSERT statement instead of once per leg at commit.
--
-- Every writer inserts all legs of a transaction in one statement (the header in the same statement or an earlier
-- one), so at the end of each INSERT INTO ledger.entries the transactions it touched must balance: their legs (all of
-- them, in any statement) sum to zero and there are at least two. A leg added later, in another statement or another
-- database transaction, unbalances its transaction and is refused at once. The header keeps its deferred check at
-- commit, which catches a header left without legs.
--
-- Why: the per-leg deferred trigger ran the balance query once per leg, again for every transaction its header's
-- trigger had already checked: 4 of the 6 trigger calls of a purchase, and 10,000 of the 15,000 of an import batch.
DROP TRIGGER entries_balance ON ledger.entries;
DROP FUNCTION ledger.entry_balanced();

CREATE FUNCTION ledger.entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT t.transaction_id, s.total, s.legs INTO bad
  FROM (SELECT DISTINCT transaction_id FROM added) AS t
  CROSS JOIN LATERAL (SELECT coalesce(sum(e.amount), 0) AS total, count(*) AS legs
                      FROM ledger.entries e WHERE e.transaction_id = t.transaction_id) AS s
  WHERE s.total <> 0 OR s.legs < 2
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger transaction % does not balance: % legs summing to %', bad.transaction_id, bad.legs,
      bad.total USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER entries_balance AFTER INSERT ON ledger.entries
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger.entries_balanced();
