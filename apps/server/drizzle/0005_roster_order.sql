DROP INDEX "people_status_idx";--> statement-breakpoint
DROP INDEX "people_name_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "status_rank" smallint GENERATED ALWAYS AS (case status when 'full' then 1 when 'probationary' then 2 when 'candidate' then 3 when 'activist' then 4 when 'applicant' then 5 else 6 end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "people_roster_idx" ON "people" USING btree ("tenant_id","status_rank","retired","name" collate "C","id");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("tenant_id","name" collate "C","id");