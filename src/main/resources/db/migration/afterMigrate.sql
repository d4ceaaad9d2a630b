-- Runs after every migration (Flyway callback). Keeps three rules true for every table of Krug's schemas, so no
-- module can forget them:
--  1. the application role may read and write the tables, and nothing else (no DDL);
--  2. every table with a program_id column has row-level security on, with the tenant policy;
--  3. tables commented 'append-only' (the ledger) cannot be updated or deleted by the application role.
DO $$
DECLARE
  s text;
  t record;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\_%' AND nspname NOT IN ('information_schema', 'public')
             AND pg_get_userbyid(nspowner) = current_user
  LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${app_role}', s);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${app_role}', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${app_role}', s);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO ${app_role}', s);
  END LOOP;

  FOR t IN SELECT c.oid, n.nspname AS schema_name, c.relname AS table_name, obj_description(c.oid, 'pg_class') AS note
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p') AND pg_get_userbyid(n.nspowner) = current_user
             AND n.nspname NOT IN ('information_schema', 'public') AND n.nspname NOT LIKE 'pg\_%'
  LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t.oid AND attname = 'program_id' AND NOT attisdropped) THEN
      EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', t.schema_name, t.table_name);
      IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t.oid AND polname = 'tenant_isolation') THEN
        EXECUTE format('CREATE POLICY tenant_isolation ON %I.%I
                          USING (program_id = platform.current_program_id() OR platform.is_system())
                          WITH CHECK (program_id = platform.current_program_id() OR platform.is_system())',
                       t.schema_name, t.table_name);
      END IF;
    END IF;
    IF t.note LIKE 'append-only%' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.%I FROM ${app_role}', t.schema_name, t.table_name);
    END IF;
  END LOOP;
END $$;
