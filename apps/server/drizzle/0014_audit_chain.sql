-- A hash chain over the audit trail (issue 11): each row stores hash = sha256(previous row's hash ||
-- the row's canonical text), in the order chain_seq gives, assigned under a lock so concurrent writers
-- chain one after another. `npm run qizhi -- verify-audit` recomputes it and names the first broken link.
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_canonical(r audit_log) RETURNS text AS $$
  SELECT jsonb_build_array(r.chain_seq, r.id, r.tenant_id, (extract(epoch from r.at) * 1000000)::bigint,
    r.actor_user_id, r.actor_name, r.action, r.entity, r.entity_id, r.summary, r.before, r.after, r.ip)::text
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer at a time extends the chain; the lock is held until the writer's transaction ends.
  PERFORM pg_advisory_xact_lock(72620110);
  SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_log
    WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.hash := encode(sha256(convert_to(coalesce(last_hash, '') || audit_log_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  prev text := '';
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.chain_seq := n;
    prev := encode(sha256(convert_to(prev || audit_log_canonical(r), 'UTF8')), 'hex');
    UPDATE audit_log SET chain_seq = n, hash = prev WHERE id = r.id;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_idx" ON "audit_log" ("chain_seq");
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
