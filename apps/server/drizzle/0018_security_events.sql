-- Issue 11, items 6 and 7. Security events go to audit_log (its hash chain covers them; no new table):
-- they are limited in the server before they are written. Here only the per-person upload quota's
-- look-up, which sums a user's files within a court.
CREATE INDEX IF NOT EXISTS "files_uploader_idx" ON "files" USING btree ("tenant_id","uploaded_by_user_id");
--> statement-breakpoint
-- Password history (tenants.settings.passwordHistory): the hashes of the account's previous passwords,
-- newest first, so a change cannot go back to one of the last N.
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "password_history" jsonb DEFAULT '[]'::jsonb NOT NULL;
