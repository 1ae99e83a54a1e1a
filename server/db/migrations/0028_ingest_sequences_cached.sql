DROP INDEX "dossier_daily_unit_day_idx";--> statement-breakpoint
ALTER TABLE "dossier_events" ALTER COLUMN "id" SET CACHE 1000;--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "id" SET CACHE 1000;