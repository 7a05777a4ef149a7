-- 民主评议党员 and 述职述廉 (issue 13). A ballot is stored with nothing that links it to its voter:
-- evaluation_ballots has a random id and its round only (no person, account, session, address,
-- time or sequence); who has voted is in evaluation_voters, written in the same transaction.
CREATE TABLE "evaluation_rounds" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"covered_year" integer NOT NULL,
	"pool" text NOT NULL,
	"points" text[] NOT NULL,
	"step" text DEFAULT 'study' NOT NULL,
	"meeting_id" uuid,
	"vote_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evaluation_rounds_org_unit_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "org_units"("tenant_id","id"),
	CONSTRAINT "evaluation_rounds_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "meetings"("tenant_id","id"),
	CONSTRAINT "evaluation_rounds_vote_fk" FOREIGN KEY ("tenant_id","vote_id") REFERENCES "meeting_votes"("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_branch_year_pool_idx" ON "evaluation_rounds" USING btree ("tenant_id","org_unit_id","covered_year","pool");
--> statement-breakpoint
CREATE TABLE "evaluation_subjects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"self_grade" text,
	"self_text" text,
	"proposed_grade" text,
	"final_grade" text,
	"follow_up_measure" text,
	"follow_up_due_on" date,
	"follow_up_notes" text,
	CONSTRAINT "evaluation_subjects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evaluation_subjects_round_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "evaluation_rounds"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "evaluation_subjects_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "people"("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_subjects_round_person_idx" ON "evaluation_subjects" USING btree ("tenant_id","round_id","person_id");
--> statement-breakpoint
CREATE TABLE "evaluation_electors" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "evaluation_electors_pk" PRIMARY KEY("tenant_id","round_id","person_id"),
	CONSTRAINT "evaluation_electors_round_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "evaluation_rounds"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "evaluation_electors_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "people"("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_voters" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "evaluation_voters_pk" PRIMARY KEY("tenant_id","round_id","person_id"),
	CONSTRAINT "evaluation_voters_elector_fk" FOREIGN KEY ("tenant_id","round_id","person_id") REFERENCES "evaluation_electors"("tenant_id","round_id","person_id") ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE "evaluation_ballots" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	CONSTRAINT "evaluation_ballots_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evaluation_ballots_round_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "evaluation_rounds"("tenant_id","id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "evaluation_ballots_round_idx" ON "evaluation_ballots" USING btree ("tenant_id","round_id");
--> statement-breakpoint
CREATE TABLE "evaluation_ballot_marks" (
	"tenant_id" uuid NOT NULL,
	"ballot_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"point" text NOT NULL,
	"grade" text NOT NULL,
	CONSTRAINT "evaluation_ballot_marks_pk" PRIMARY KEY("tenant_id","ballot_id","subject_id","point"),
	CONSTRAINT "evaluation_ballot_marks_ballot_fk" FOREIGN KEY ("tenant_id","ballot_id") REFERENCES "evaluation_ballots"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "evaluation_ballot_marks_subject_fk" FOREIGN KEY ("tenant_id","subject_id") REFERENCES "evaluation_subjects"("tenant_id","id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "evaluation_ballot_marks_subject_idx" ON "evaluation_ballot_marks" USING btree ("tenant_id","subject_id");
--> statement-breakpoint
CREATE TABLE "duty_reports" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"content" text NOT NULL,
	"file_id" uuid,
	"meeting_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "duty_reports_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "people"("tenant_id","id"),
	CONSTRAINT "duty_reports_file_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "files"("tenant_id","id"),
	CONSTRAINT "duty_reports_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "meetings"("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "duty_reports_person_year_idx" ON "duty_reports" USING btree ("tenant_id","person_id","year");
