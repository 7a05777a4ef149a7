-- 组织关系转接 (membership transfers, issue 14). One row per letter: a transfer out (to another
-- 党组织 of the court, to_org_unit_id set, or outside it, to_name typed) with its validity, the month
-- dues were paid up to and the returned receipt; a transfer in (from_name typed) with the day it was
-- received and the 党组织 joined. The rows are the person's history of moves between organisations.
CREATE TABLE "transfers" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"person_id" uuid NOT NULL,
	"from_org_unit_id" uuid,
	"from_name" text NOT NULL,
	"to_org_unit_id" uuid,
	"to_name" text NOT NULL,
	"letter_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"dues_paid_up_to" text,
	"arrears_months" smallint DEFAULT 0 NOT NULL,
	"received_on" date,
	"receipt_on" date,
	"note" text,
	"receipt_note" text,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "transfers_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "people"("tenant_id","id"),
	CONSTRAINT "transfers_from_org_unit_fk" FOREIGN KEY ("tenant_id","from_org_unit_id") REFERENCES "org_units"("tenant_id","id"),
	CONSTRAINT "transfers_to_org_unit_fk" FOREIGN KEY ("tenant_id","to_org_unit_id") REFERENCES "org_units"("tenant_id","id"),
	CONSTRAINT "transfers_direction_check" CHECK ("direction" IN ('out', 'in')),
	CONSTRAINT "transfers_out_check" CHECK ("direction" <> 'out' OR ("from_org_unit_id" IS NOT NULL AND "valid_until" IS NOT NULL AND "received_on" IS NULL)),
	CONSTRAINT "transfers_in_check" CHECK ("direction" <> 'in' OR ("to_org_unit_id" IS NOT NULL AND "received_on" IS NOT NULL AND "receipt_on" IS NULL)),
	CONSTRAINT "transfers_paid_up_to_check" CHECK ("dues_paid_up_to" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "transfers_receipt_check" CHECK ("receipt_on" IS NULL OR "receipt_on" >= "issued_on")
);
--> statement-breakpoint
-- The court numbers its own letters; incoming ones carry other organisations' numbers.
CREATE UNIQUE INDEX "transfers_letter_no_idx" ON "transfers" USING btree ("tenant_id","letter_no") WHERE "direction" = 'out';
--> statement-breakpoint
CREATE INDEX "transfers_person_idx" ON "transfers" USING btree ("tenant_id","person_id","issued_on");
--> statement-breakpoint
CREATE INDEX "transfers_issued_idx" ON "transfers" USING btree ("tenant_id","issued_on");
--> statement-breakpoint
-- The officer's list of receipts still out, read by the last valid day.
CREATE INDEX "transfers_open_receipts_idx" ON "transfers" USING btree ("tenant_id","valid_until") WHERE "direction" = 'out' AND "receipt_on" IS NULL;
