-- The roster page is cut from people_roster_idx alone (issue 8): the index carries every column the
-- page shows, so a page deep in the roster is an index-only scan, with no heap visit for the rows
-- OFFSET skips. Drizzle's index builder has no INCLUDE, so the schema declares the key columns and
-- this migration adds the rest.
DROP INDEX IF EXISTS "people_roster_idx";
--> statement-breakpoint
CREATE INDEX "people_roster_idx" ON "people" USING btree ("tenant_id","status_rank","retired","name" collate "C","id") INCLUDE ("gender","birth_date","status","org_unit_id","department_id","position","joined_on","id_number","phone");
