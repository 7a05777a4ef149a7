-- Tenant isolation enforced by the database as well (issue 11): every table with a tenant_id shows
-- and accepts only the rows of the court the connection is bound to (`qizhi.tenant_id`, set by the
-- server per court, platform/tenant-pool.ts). Unbound, or bound to '', a connection sees nothing.
-- ENABLE without FORCE: the policies bind every role but the tables' owner (the migration role,
-- QIZHI_MIGRATION_DATABASE_URL) and superusers. The application role owns nothing and has no
-- BYPASSRLS, so it cannot switch the policies off, and `SET row_security = off` only makes its
-- queries fail. The owner stays unbound so that pg_dump backups and the SECURITY DEFINER functions
-- below (owned by it) see every court. Where one role both owns and serves (no role split, and
-- PGlite, whose one user is a superuser) the policies do not apply: docs/security.md says so.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
      ORDER BY c.table_name
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = nullif(current_setting(''qizhi.tenant_id'', true), '''')::uuid) '
        || 'WITH CHECK (tenant_id = nullif(current_setting(''qizhi.tenant_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The courts themselves: their names and codes are read before a court is known (a public page by
-- court code, the host court of security events), and a new court is created unbound (seeding); a
-- court's row is changed or removed only by a connection bound to it.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenants_read ON "tenants" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenants_create ON "tenants" FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY tenants_change ON "tenants" FOR UPDATE
  USING (id = nullif(current_setting('qizhi.tenant_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('qizhi.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY tenants_remove ON "tenants" FOR DELETE
  USING (id = nullif(current_setting('qizhi.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- The audit chain is one chain over all courts: its trigger must see the last row whatever court
-- the writer is bound to, so it runs with its owner's rights (the owner is not bound by the policies).
ALTER FUNCTION audit_log_chain() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- The few look-ups made before the court is known answer only which court, never a row.
-- The court of a session, by the hash of its token (every signed-in request).
CREATE FUNCTION qizhi_session_court(token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT s.tenant_id FROM sessions s WHERE s.token_hash = qizhi_session_court.token_hash LIMIT 1 $$;
--> statement-breakpoint
-- The court of an account, by its user name (sign-in and the CLI; names are unique across courts).
CREATE FUNCTION qizhi_account_court(username text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.tenant_id FROM users u WHERE lower(u.username) = lower(qizhi_account_court.username) LIMIT 1 $$;
--> statement-breakpoint
-- The court of a sign-in between its password step and its second factor, by the challenge cookie's hash.
CREATE FUNCTION qizhi_sign_in_challenge_court(token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.tenant_id FROM two_factor_challenges c WHERE c.token_hash = qizhi_sign_in_challenge_court.token_hash LIMIT 1 $$;
--> statement-breakpoint
-- The court of a calendar subscription, by the hash of its token (the feed URL carries no court).
CREATE FUNCTION qizhi_calendar_feed_court(token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT f.tenant_id FROM calendar_feeds f WHERE f.token_hash = qizhi_calendar_feed_court.token_hash LIMIT 1 $$;
--> statement-breakpoint
-- Whether any of `ids` is a record of a court other than `tenant` (a cross-court probe, a security
-- event): yes or no, never which court or which record.
CREATE FUNCTION qizhi_other_court_holds(tenant uuid, ids uuid[]) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT exists(
    SELECT 1 FROM people WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM users WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM org_units WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM departments WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM meetings WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM files WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM goals WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM goal_reports WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM commitments WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM rules WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM honours WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM sanctions WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
    UNION ALL SELECT 1 FROM deliberation_matters WHERE tenant_id IN (SELECT t.id FROM tenants t WHERE t.id <> qizhi_other_court_holds.tenant) AND id = ANY(qizhi_other_court_holds.ids)
  ) $$;
