ALTER TABLE "users" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
-- One account per roster person from now on: where two accounts were linked to one person, the
-- oldest keeps the link and the others lose it (they stay, and can be linked again by hand).
UPDATE "users" AS u SET "person_id" = NULL
WHERE u."person_id" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "users" AS o
  WHERE o."tenant_id" = u."tenant_id" AND o."person_id" = u."person_id"
    AND (o."created_at", o."id") < (u."created_at", u."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_idx" ON "users" USING btree ("tenant_id","person_id") WHERE "users"."person_id" is not null;
