ALTER TABLE "dossiers" ADD COLUMN "late_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossiers_unit_late_from_idx" ON "dossiers" USING btree ("unit_id","late_from");--> statement-breakpoint
UPDATE "dossiers" SET "late_at" = ("late_from"::text || 'T00:00:00+07:00')::timestamptz WHERE "late_from" IS NOT NULL;
