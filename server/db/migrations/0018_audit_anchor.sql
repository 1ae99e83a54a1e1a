ALTER TABLE "audit_events" ADD COLUMN "mac" text;--> statement-breakpoint
ALTER TABLE "par_rounds" ADD COLUMN "audit_head" jsonb;--> statement-breakpoint
-- The head moves only with the chain: every inserted event must extend the head (its prev_hash is the head's
-- hash), and the head is written by this trigger alone; the application can only append events.
CREATE OR REPLACE FUNCTION audit_head_extend() RETURNS trigger AS $$
DECLARE
  h audit_head%ROWTYPE;
BEGIN
  SELECT * INTO h FROM audit_head WHERE id = 1;
  IF FOUND THEN
    IF NEW.prev_hash <> h.last_hash OR NEW.id <= h.last_id THEN
      RAISE EXCEPTION 'audit chain: the event does not extend the head' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash, count = h.count + 1 WHERE id = 1;
  ELSE
    IF NEW.prev_hash <> repeat('0', 64) THEN
      RAISE EXCEPTION 'audit chain: the first event must start from the genesis hash' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO audit_head (id, last_id, last_hash, count) VALUES (1, NEW.id, NEW.hash, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_extend_head AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_head_extend();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'audit_head is written by the audit trail only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_head_guarded BEFORE INSERT OR UPDATE OR DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
