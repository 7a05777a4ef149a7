-- Disclosure items shown from their source (issue 15): a meeting's resolutions, a 四议两公开 matter's
-- disclosures, a year's public commitments, a 民主评议 round's published result. The item keeps only the
-- link (and its own title, channels, period and approval); the text is read from the source when shown.
ALTER TABLE "disclosures" ADD COLUMN "source_kind" text;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "source_meeting_id" uuid;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "source_matter_id" uuid;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "source_round_id" uuid;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "source_year" integer;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_source_meeting_fk" FOREIGN KEY ("tenant_id","source_meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_source_matter_fk" FOREIGN KEY ("tenant_id","source_matter_id") REFERENCES "public"."deliberation_matters"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_source_round_fk" FOREIGN KEY ("tenant_id","source_round_id") REFERENCES "public"."evaluation_rounds"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Exactly the column of its kind is set; a typed item has none.
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_source_check" CHECK (
	("source_kind" IS NULL AND "source_meeting_id" IS NULL AND "source_matter_id" IS NULL AND "source_round_id" IS NULL AND "source_year" IS NULL)
	OR ("source_kind" = 'meeting' AND "source_meeting_id" IS NOT NULL AND "source_matter_id" IS NULL AND "source_round_id" IS NULL AND "source_year" IS NULL)
	OR ("source_kind" = 'deliberation' AND "source_matter_id" IS NOT NULL AND "source_meeting_id" IS NULL AND "source_round_id" IS NULL AND "source_year" IS NULL)
	OR ("source_kind" = 'evaluation' AND "source_round_id" IS NOT NULL AND "source_meeting_id" IS NULL AND "source_matter_id" IS NULL AND "source_year" IS NULL)
	OR ("source_kind" = 'commitments' AND "source_year" IS NOT NULL AND "source_meeting_id" IS NULL AND "source_matter_id" IS NULL AND "source_round_id" IS NULL)
);
