-- 党费 (party dues) and 发展党员 (member development), issue 14. Months are 'YYYY-MM' text; money is integer fen.
CREATE TABLE "dues_bases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"base_fen" integer NOT NULL,
	"from_month" text NOT NULL,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_bases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dues_bases_month_check" CHECK ("from_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_bases_fen_check" CHECK ("base_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "dues_bases_person_month_idx" ON "dues_bases" USING btree ("tenant_id","person_id","from_month");
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"extra_fen" integer DEFAULT 0 NOT NULL,
	"paid_on" date NOT NULL,
	"channel" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"collected_by_user_id" uuid,
	"collected_by_name" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dues_payments_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_payments_fen_check" CHECK ("amount_fen" >= 0 AND "extra_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "dues_payments_person_month_idx" ON "dues_payments" USING btree ("tenant_id","person_id","month");
--> statement-breakpoint
CREATE INDEX "dues_payments_month_idx" ON "dues_payments" USING btree ("tenant_id","month");
--> statement-breakpoint
CREATE TABLE "dues_reductions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_month" text NOT NULL,
	"to_month" text,
	"amount_fen" integer NOT NULL,
	"reason" text NOT NULL,
	"decision" text NOT NULL,
	"approved_by" text NOT NULL,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_reductions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dues_reductions_fen_check" CHECK ("amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dues_reductions" ADD CONSTRAINT "dues_reductions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dues_reductions" ADD CONSTRAINT "dues_reductions_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "dues_reductions_person_idx" ON "dues_reductions" USING btree ("tenant_id","person_id");
--> statement-breakpoint
CREATE TABLE "development_steps" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"step" smallint NOT NULL,
	"done_on" date NOT NULL,
	"who" text,
	"recorded_by_name" text,
	"notes" text,
	"late" boolean DEFAULT false NOT NULL,
	"warning" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"person_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vote_id" uuid,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_steps_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "development_steps_step_check" CHECK ("step" BETWEEN 1 AND 25)
);
--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_tenant_id_vote_id_meeting_votes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","vote_id") REFERENCES "public"."meeting_votes"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "development_steps_person_step_idx" ON "development_steps" USING btree ("tenant_id","person_id","step");
--> statement-breakpoint
CREATE TABLE "development_assessments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"result" text NOT NULL,
	"who" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "development_assessments_person_idx" ON "development_assessments" USING btree ("tenant_id","person_id","done_on");
--> statement-breakpoint
CREATE TABLE "development_extensions" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"done_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_extensions_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id"),
	CONSTRAINT "development_extensions_months_check" CHECK ("months" BETWEEN 6 AND 12)
);
--> statement-breakpoint
ALTER TABLE "development_extensions" ADD CONSTRAINT "development_extensions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "development_extensions" ADD CONSTRAINT "development_extensions_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;
