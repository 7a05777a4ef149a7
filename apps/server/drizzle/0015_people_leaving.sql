-- A person who leaves the court (离职、调出) or dies (去世) stays on record with the day, the reason
-- and a note; they drop out of the current roster and everything counted from today on.
ALTER TABLE "people" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_reason" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_note" text;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_leaving_check" CHECK (("left_on" IS NULL) = ("left_reason" IS NULL));--> statement-breakpoint
-- The roster page reads the current roster (the default) straight from its index, as before: the
-- index now holds only those on the roster, so "left_on IS NULL" costs nothing and a page is still
-- an index-only scan.
DROP INDEX IF EXISTS "people_roster_idx";--> statement-breakpoint
CREATE INDEX "people_roster_idx" ON "people" USING btree ("tenant_id","status_rank","retired","name" collate "C","id") INCLUDE ("gender","birth_date","status","org_unit_id","department_id","position","joined_on","id_number","phone","left_on","left_reason") WHERE "left_on" IS NULL;--> statement-breakpoint
-- Those who left are few and read by the day they left.
CREATE INDEX "people_left_idx" ON "people" USING btree ("tenant_id","left_on") WHERE "left_on" IS NOT NULL;
--> statement-breakpoint
-- A person's own e-mail address (work mailbox), for notices sent by e-mail to the people they concern.
ALTER TABLE "people" ADD COLUMN "email" text;--> statement-breakpoint
-- The people's addresses an e-mail message goes to (comma-separated, sent as Bcc), besides the court's list.
ALTER TABLE "notification_outbox" ADD COLUMN "recipients" text;
