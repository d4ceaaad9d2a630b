-- The external ids businesses gave their purchases, claimed at the start of recording one (ADR 0013): a repeat
-- racing the first waits on the claim and then answers with the first's purchase, instead of failing at the end on
-- purchases_external_id (which would abort the request's whole transaction, idempotency key claim included).
CREATE TABLE loyalty.purchase_external_ids (
  program_id  uuid NOT NULL,
  business_id uuid NOT NULL,
  external_id text NOT NULL,
  purchase_id uuid NOT NULL,
  PRIMARY KEY (program_id, business_id, external_id)
);

INSERT INTO loyalty.purchase_external_ids (program_id, business_id, external_id, purchase_id)
SELECT program_id, business_id, external_id, id FROM loyalty.purchases WHERE external_id IS NOT NULL;
