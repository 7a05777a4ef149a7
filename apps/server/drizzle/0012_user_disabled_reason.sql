ALTER TABLE "users" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_idx" ON "users" USING btree ("tenant_id","person_id") WHERE "users"."person_id" is not null;
