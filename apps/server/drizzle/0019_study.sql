-- 学习平台 (issue 12): the court's working calendar, study programmes and sessions, attendance; and
-- goals whose progress is read from the study-hours ledger instead of typed reports.
CREATE TABLE "work_calendar_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "work_calendar_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "study_programmes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"recurrence" jsonb NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"hours" double precision NOT NULL,
	"place" text NOT NULL,
	"speaker" text,
	"org_unit_id" uuid,
	"court_types" jsonb DEFAULT '["learning"]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_programmes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text,
	"speaker" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text NOT NULL,
	"org_unit_id" uuid,
	"hours" double precision NOT NULL,
	"court_types" jsonb DEFAULT '["learning"]'::jsonb NOT NULL,
	"materials_html" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sign_in_secret" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "study_session_files" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "study_session_files_tenant_id_session_id_file_id_pk" PRIMARY KEY("tenant_id","session_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "study_attendance" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"signed_in_at" timestamp with time zone,
	"sign_in_method" text,
	"starts_at" timestamp with time zone NOT NULL,
	"hours" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_attendance_tenant_id_session_id_person_id_pk" PRIMARY KEY("tenant_id","session_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "work_calendar_days" ADD CONSTRAINT "work_calendar_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_programmes" ADD CONSTRAINT "study_programmes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_programmes" ADD CONSTRAINT "study_programmes_tenant_id_org_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_tenant_id_org_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_tenant_id_programme_id_study_programmes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","programme_id") REFERENCES "public"."study_programmes"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_session_files" ADD CONSTRAINT "study_session_files_tenant_id_session_id_study_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_session_files" ADD CONSTRAINT "study_session_files_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_tenant_id_session_id_study_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."study_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "study_sessions_starts_idx" ON "study_sessions" USING btree ("tenant_id","starts_at");
--> statement-breakpoint
CREATE INDEX "study_sessions_programme_idx" ON "study_sessions" USING btree ("tenant_id","programme_id");
--> statement-breakpoint
CREATE INDEX "study_attendance_year_idx" ON "study_attendance" USING btree ("tenant_id","starts_at","person_id");
--> statement-breakpoint
CREATE INDEX "study_attendance_person_idx" ON "study_attendance" USING btree ("tenant_id","person_id","starts_at");
--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "progress_source" text DEFAULT 'report' NOT NULL;
--> statement-breakpoint
CREATE TABLE "education_incentives" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"institution" text,
	"result" text NOT NULL,
	"reward" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_incentives_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "education_incentives" ADD CONSTRAINT "education_incentives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "education_incentives" ADD CONSTRAINT "education_incentives_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "education_incentives_year_idx" ON "education_incentives" USING btree ("tenant_id","year");
