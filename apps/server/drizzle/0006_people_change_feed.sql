-- Every committed change to a court's people is announced on the channel qizhi_changed as
-- "people:<tenant id>", once per statement and court, so each server process can forget what it
-- keeps in memory about that court's roster (ordering and totals), whichever process wrote.
CREATE OR REPLACE FUNCTION qizhi_announce_people_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('qizhi_changed', 'people:' || changed.tenant_id::text)
    FROM (SELECT DISTINCT tenant_id FROM changed_rows) AS changed;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER people_announce_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qizhi_announce_people_change();
--> statement-breakpoint
CREATE TRIGGER people_announce_update AFTER UPDATE ON people
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qizhi_announce_people_change();
--> statement-breakpoint
CREATE TRIGGER people_announce_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qizhi_announce_people_change();
