-- Issue 9: annual meetings belong to the year they cover (年度); the 民主生活会 records when it was
-- reported to the level above; 党总支 and 机关党委 terms are a court setting of 3 to 5 years.
ALTER TABLE "meetings" ADD COLUMN "covered_year" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "term_years" integer;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_term_years_check" CHECK ("term_years" IS NULL OR "term_years" BETWEEN 3 AND 5);--> statement-breakpoint
-- Existing 组织生活会 and 民主生活会 cover the year they were held in, or the year before when held
-- in January or February at the court (coveredYearDefault in packages/domain, org-life.rules.ts).
UPDATE "meetings" SET "covered_year" =
  extract(year from "starts_at" at time zone 'Asia/Shanghai')::int
  - CASE WHEN extract(month from "starts_at" at time zone 'Asia/Shanghai') <= 2 THEN 1 ELSE 0 END
WHERE "type" IN ('org_life', 'democratic_life');--> statement-breakpoint
CREATE INDEX "meetings_covered_year_idx" ON "meetings" USING btree ("tenant_id","covered_year","type") WHERE "covered_year" IS NOT NULL;
