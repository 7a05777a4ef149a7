CREATE TABLE "disclosures" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"channels" jsonb NOT NULL,
	"attachment_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_from" date NOT NULL,
	"publish_until" date,
	"created_by_user_id" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"return_note" text,
	"withdrawn_reason" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "disclosures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "disclosures_public_idx" ON "disclosures" USING btree ("tenant_id","status","publish_from");
--> statement-breakpoint
CREATE TABLE "reception_rota" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"week_start" date NOT NULL,
	"reception_on" date,
	"person_id" uuid NOT NULL,
	"time" text NOT NULL,
	"place" text NOT NULL,
	"original_person_id" uuid,
	"change_note" text,
	CONSTRAINT "reception_rota_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reception_rota_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "people"("tenant_id","id"),
	CONSTRAINT "reception_rota_original_person_fk" FOREIGN KEY ("tenant_id","original_person_id") REFERENCES "people"("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reception_rota_week_idx" ON "reception_rota" USING btree ("tenant_id","week_start");
--> statement-breakpoint
CREATE TABLE "reception_visits" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rota_id" uuid,
	"received_on" date NOT NULL,
	"visitor_name" text NOT NULL,
	"visitor_phone" text,
	"visitor_id_number" text,
	"matter" text NOT NULL,
	"category" text NOT NULL,
	"case_number" text,
	"answer" text DEFAULT '' NOT NULL,
	"needs_handling" boolean DEFAULT false NOT NULL,
	"handling_department_id" uuid,
	"accepted_on" date,
	"extended" boolean DEFAULT false NOT NULL,
	"handled_on" date,
	"feedback" text,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reception_visits_rota_fk" FOREIGN KEY ("tenant_id","rota_id") REFERENCES "reception_rota"("tenant_id","id"),
	CONSTRAINT "reception_visits_department_fk" FOREIGN KEY ("tenant_id","handling_department_id") REFERENCES "departments"("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "reception_visits_date_idx" ON "reception_visits" USING btree ("tenant_id","received_on");
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"topic" text NOT NULL,
	"asker_name" text,
	"asker_phone" text,
	"outcome" text NOT NULL,
	"directed_to" text,
	"status" text NOT NULL,
	"first_user_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"first_department_id" uuid,
	"holder_user_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"hand_overs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "inquiries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inquiries_first_user_fk" FOREIGN KEY ("tenant_id","first_user_id") REFERENCES "users"("tenant_id","id"),
	CONSTRAINT "inquiries_holder_user_fk" FOREIGN KEY ("tenant_id","holder_user_id") REFERENCES "users"("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "inquiries_first_idx" ON "inquiries" USING btree ("tenant_id","first_user_id","status");
--> statement-breakpoint
CREATE INDEX "inquiries_holder_idx" ON "inquiries" USING btree ("tenant_id","holder_user_id","status");
--> statement-breakpoint
CREATE TABLE "service_pledges" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"time_limit" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"measure" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_pledges_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
