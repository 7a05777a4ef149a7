CREATE TABLE "court_centres" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"objective" text NOT NULL,
	"working_line" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_centres_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "goal_report_files" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "goal_report_files_tenant_id_report_id_file_id_pk" PRIMARY KEY("tenant_id","report_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "goal_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reported_by_user_id" uuid,
	"reported_by_name" text,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by_user_id" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	CONSTRAINT "goal_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"dimension" text NOT NULL,
	"indicator_kind" text NOT NULL,
	"target_value" double precision NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_org_unit_id" uuid,
	"owner_department_id" uuid,
	"owner_person_id" uuid,
	"deadline" date,
	"accepted_value" double precision,
	"accepted_at" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "goals_one_owner" CHECK (("goals"."owner_kind" = 'org_unit' and "goals"."owner_org_unit_id" is not null and "goals"."owner_department_id" is null and "goals"."owner_person_id" is null)
       or ("goals"."owner_kind" = 'department' and "goals"."owner_department_id" is not null and "goals"."owner_org_unit_id" is null and "goals"."owner_person_id" is null)
       or ("goals"."owner_kind" = 'person' and "goals"."owner_person_id" is not null and "goals"."owner_org_unit_id" is null and "goals"."owner_department_id" is null))
);
--> statement-breakpoint
CREATE TABLE "commitment_promises" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"goal_id" uuid,
	"self_assessment" text,
	"self_note" text,
	"verified_result" text,
	"verification_note" text,
	CONSTRAINT "commitment_promises_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_org_unit_id" uuid,
	"owner_person_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"published_at" timestamp with time zone,
	"verified_by_name" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "commitments_one_owner" CHECK (("commitments"."owner_kind" = 'org_unit' and "commitments"."owner_org_unit_id" is not null and "commitments"."owner_person_id" is null)
       or ("commitments"."owner_kind" = 'person' and "commitments"."owner_person_id" is not null and "commitments"."owner_org_unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "rule_reads" (
	"tenant_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_reads_tenant_id_rule_id_person_id_pk" PRIMARY KEY("tenant_id","rule_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "rule_versions" (
	"tenant_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"body" text NOT NULL,
	"file_id" uuid,
	"adopted_by" text NOT NULL,
	"adopted_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"status" text NOT NULL,
	"change_note" text NOT NULL,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_versions_tenant_id_rule_id_version_pk" PRIMARY KEY("tenant_id","rule_id","version")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"adopted_by" text NOT NULL,
	"adopted_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"status" text DEFAULT 'in_force' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"person_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"completion" double precision,
	"assessed_by_user_id" uuid,
	"assessed_by_name" text,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "honours" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"awarded_on" date NOT NULL,
	"issued_by" text NOT NULL,
	"recipient_name" text NOT NULL,
	"person_id" uuid,
	"certificate_file_id" uuid,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honours_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"decided_on" date NOT NULL,
	"reason" text NOT NULL,
	"issued_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sanctions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "court_centres" ADD CONSTRAINT "court_centres_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_report_files" ADD CONSTRAINT "goal_report_files_tenant_id_report_id_goal_reports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."goal_reports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_report_files" ADD CONSTRAINT "goal_report_files_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reports" ADD CONSTRAINT "goal_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reports" ADD CONSTRAINT "goal_reports_tenant_id_goal_id_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_parent_id_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_owner_org_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_org_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_owner_department_id_departments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_department_id") REFERENCES "public"."departments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_owner_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_promises" ADD CONSTRAINT "commitment_promises_tenant_id_commitment_id_commitments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","commitment_id") REFERENCES "public"."commitments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_promises" ADD CONSTRAINT "commitment_promises_tenant_id_goal_id_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_tenant_id_owner_org_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_org_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_tenant_id_owner_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_reads" ADD CONSTRAINT "rule_reads_tenant_id_rule_id_rules_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rule_id") REFERENCES "public"."rules"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_reads" ADD CONSTRAINT "rule_reads_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_tenant_id_rule_id_rules_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rule_id") REFERENCES "public"."rules"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_tenant_id_certificate_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","certificate_file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_reports_goal_idx" ON "goal_reports" USING btree ("tenant_id","goal_id","reported_at");--> statement-breakpoint
CREATE INDEX "goal_reports_pending_idx" ON "goal_reports" USING btree ("tenant_id") WHERE "goal_reports"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "goals_tenant_year_idx" ON "goals" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "goals_parent_idx" ON "goals" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "goals_owner_person_idx" ON "goals" USING btree ("tenant_id","owner_person_id","year");--> statement-breakpoint
CREATE INDEX "commitment_promises_commitment_idx" ON "commitment_promises" USING btree ("tenant_id","commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_org_year_idx" ON "commitments" USING btree ("tenant_id","year","owner_org_unit_id") WHERE "commitments"."owner_org_unit_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_person_year_idx" ON "commitments" USING btree ("tenant_id","year","owner_person_id") WHERE "commitments"."owner_person_id" is not null;--> statement-breakpoint
CREATE INDEX "commitments_year_status_idx" ON "commitments" USING btree ("tenant_id","year","status");--> statement-breakpoint
CREATE INDEX "rule_reads_person_idx" ON "rule_reads" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_period_person_idx" ON "assessments" USING btree ("tenant_id","period","person_id");--> statement-breakpoint
CREATE INDEX "honours_kind_idx" ON "honours" USING btree ("tenant_id","kind","awarded_on");--> statement-breakpoint
CREATE INDEX "sanctions_person_idx" ON "sanctions" USING btree ("tenant_id","person_id","decided_on");