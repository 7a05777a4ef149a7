-- The roster no longer keeps anything in memory (issue 8): nobody listens for the announcements of
-- migration 0006, so its triggers and their function go.
DROP TRIGGER IF EXISTS people_announce_insert ON people;
--> statement-breakpoint
DROP TRIGGER IF EXISTS people_announce_update ON people;
--> statement-breakpoint
DROP TRIGGER IF EXISTS people_announce_delete ON people;
--> statement-breakpoint
DROP FUNCTION IF EXISTS qizhi_announce_people_change();
