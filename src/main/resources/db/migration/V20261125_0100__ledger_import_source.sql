-- Imports (ADR 0014) post one earn per member and one events-budget (and commission) transaction per business for a
-- batch of imported purchases; such a transaction's source is the import.
SELECT ledger.allow_values('ledger.transactions', 'source_type', ARRAY['import']);
