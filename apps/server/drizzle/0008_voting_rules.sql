ALTER TABLE "people" ADD COLUMN "probation_from" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "probation_to" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "suspended_from" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "suspended_to" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recorded_expected" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recorded_attended" integer;--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD COLUMN "written" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_votes" ADD COLUMN "divisor" text;--> statement-breakpoint
UPDATE "meeting_votes" SET "kind" = 'general_resolution' WHERE "kind" = 'resolution';--> statement-breakpoint
-- Closed meetings keep the 应到 and 实到 they were closed with (the earlier rule's counts); open
-- meetings are counted by today's rule on every read, so nothing of theirs is stored.
UPDATE "meetings" m SET
  "recorded_expected" = (SELECT count(*)::int FROM "meeting_attendees" a
    WHERE a."tenant_id" = m."tenant_id" AND a."meeting_id" = m."id" AND NOT a."exempt"),
  "recorded_attended" = (SELECT count(*)::int FROM "meeting_attendees" a
    WHERE a."tenant_id" = m."tenant_id" AND a."meeting_id" = m."id" AND a."state" = 'present')
WHERE m."status" = 'closed';
