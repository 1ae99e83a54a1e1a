-- Data changes (server/db/dataCache.ts): every transaction that writes a table the figures are computed from
-- leaves its transaction id here, once, by a statement trigger. A computed result kept in memory remembers the
-- snapshot it was read under and is served again only while no transaction that snapshot did not see has
-- committed since. Writers only insert their own key (no shared row, no lock to wait for).
-- Not counted as changes: sessions, the audit trail, notifications (written by reads and logins, read by no figure).
-- A table added later gets the trigger in its own migration (tests/api/dataCache.test.ts checks that every table has it).
CREATE TABLE data_changes (xid xid8 PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());--> statement-breakpoint
CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('data_changes', 'sessions', 'audit_events', 'audit_head', 'notifications') LOOP
    EXECUTE format('CREATE TRIGGER note_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t);
  END LOOP;
END $$;
