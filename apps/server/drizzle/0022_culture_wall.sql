-- 文化墙 · 廉政文化教育长廊 (issue 12): content items (廉政要求, 格言警句 with source, 宣传画 as an
-- uploaded image), playlists of them in order with seconds per item, and the corridor screens that
-- play one playlist each (one of them may be the lobby kiosk's, issue 15).
CREATE TABLE "culture_items" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"source" text,
	"image_file_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "culture_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "culture_items_image_file_fk" FOREIGN KEY ("tenant_id","image_file_id") REFERENCES "files"("tenant_id","id"),
	CONSTRAINT "culture_items_kind_check" CHECK ("kind" IN ('requirement', 'saying', 'poster')),
	CONSTRAINT "culture_items_status_check" CHECK ("status" IN ('draft', 'published'))
);
--> statement-breakpoint
CREATE INDEX "culture_items_image_idx" ON "culture_items" USING btree ("tenant_id","image_file_id");
--> statement-breakpoint
CREATE TABLE "culture_playlists" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"seconds_per_item" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "culture_playlists_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "culture_playlists_name_idx" ON "culture_playlists" USING btree ("tenant_id","name");
--> statement-breakpoint
CREATE TABLE "culture_playlist_entries" (
	"tenant_id" uuid NOT NULL,
	"playlist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"seconds" integer,
	CONSTRAINT "culture_playlist_entries_pk" PRIMARY KEY("tenant_id","playlist_id","position"),
	CONSTRAINT "culture_playlist_entries_playlist_fk" FOREIGN KEY ("tenant_id","playlist_id") REFERENCES "culture_playlists"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "culture_playlist_entries_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "culture_items"("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "culture_playlist_entries_item_idx" ON "culture_playlist_entries" USING btree ("tenant_id","item_id");
--> statement-breakpoint
CREATE TABLE "culture_screens" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"playlist_id" uuid,
	"kiosk" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "culture_screens_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "culture_screens_playlist_fk" FOREIGN KEY ("tenant_id","playlist_id") REFERENCES "culture_playlists"("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "culture_screens_name_idx" ON "culture_screens" USING btree ("tenant_id","name");
--> statement-breakpoint
CREATE UNIQUE INDEX "culture_screens_kiosk_idx" ON "culture_screens" USING btree ("tenant_id") WHERE "kiosk";
