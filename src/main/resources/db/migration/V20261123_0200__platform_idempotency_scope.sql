-- Idempotency keys are unique per program AND caller: two callers of one program may pick the same key without
-- seeing each other's responses. claim_id fences the request that owns an in-progress key, so a request whose
-- lease was taken over cannot overwrite the new owner's outcome.
ALTER TABLE platform.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE platform.idempotency_keys ADD PRIMARY KEY (program_id, principal, key);
ALTER TABLE platform.idempotency_keys ADD COLUMN claim_id uuid;
