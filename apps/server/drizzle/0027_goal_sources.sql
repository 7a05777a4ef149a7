-- Goals counted by the system (issue 12): progress from typed reports, the study-hours ledger or the
-- meetings a member attended (全年参加组织生活不少于N次); the attendance sync finds a year's counted
-- goals of the people whose attendance changed through the partial index.
ALTER TABLE "goals" ADD CONSTRAINT "goals_progress_source_check" CHECK ("goals"."progress_source" in ('report', 'study_hours', 'meeting_attendance'));
--> statement-breakpoint
CREATE INDEX "goals_counted_idx" ON "goals" USING btree ("tenant_id","year","progress_source","owner_person_id") WHERE "goals"."progress_source" <> 'report';
--> statement-breakpoint
-- The year's ledger reads hours, state and session of every attendance row of the year: carried in
-- the index, PostgreSQL answers it by an index-only scan (issue 12's province summary, bench/study.bench.ts).
DROP INDEX "study_attendance_year_idx";
--> statement-breakpoint
CREATE INDEX "study_attendance_year_idx" ON "study_attendance" USING btree ("tenant_id","starts_at","person_id") INCLUDE ("hours","state","session_id");
