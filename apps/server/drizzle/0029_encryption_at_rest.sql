-- Personal data encrypted at rest (issue 11). The key lives outside the database, so SQL cannot
-- encrypt: this migration only makes room, and the server's start (platform/field-encryption.ts),
-- right after the migrations, seals every plaintext value in place, in one transaction, idempotently.
-- Sealed in place (text columns keep their names): people.id_number and phone,
-- reception_visits.visitor_name/visitor_phone/visitor_id_number, inquiries.asker_name/asker_phone.
-- The ID number's uniqueness and its look-ups move to a blind index (a keyed HMAC of the number
-- within the court), since equal numbers no longer give equal ciphertexts.
ALTER TABLE "people" ADD COLUMN "id_number_bidx" text;
--> statement-breakpoint
DROP INDEX IF EXISTS "people_id_number_idx";
--> statement-breakpoint
CREATE UNIQUE INDEX "people_id_number_bidx_idx" ON "people" USING btree ("tenant_id","id_number_bidx") WHERE "id_number_bidx" is not null;
--> statement-breakpoint
-- 党费基数 was an integer: its ciphertext goes to base_sealed and base_fen is emptied at the start.
-- Its ">= 0" check is the validation's now (the dues routes' zod schema).
ALTER TABLE "dues_bases" ADD COLUMN "base_sealed" text;
--> statement-breakpoint
ALTER TABLE "dues_bases" ALTER COLUMN "base_fen" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "dues_bases" DROP CONSTRAINT IF EXISTS "dues_bases_fen_check";
--> statement-breakpoint
-- One row: a public fingerprint of the key that sealed the data, and the algorithm (QIZHI_CRYPTO).
-- A start with another key is refused before it writes anything; a change of algorithm re-seals.
CREATE TABLE "field_encryption" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"key_check" text NOT NULL,
	"algorithm" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_encryption_one_row" CHECK ("id" = 1),
	CONSTRAINT "field_encryption_algorithm_check" CHECK ("algorithm" in ('aes', 'sm'))
);
