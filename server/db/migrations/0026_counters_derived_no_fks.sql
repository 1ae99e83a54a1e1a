ALTER TABLE "dossier_daily" DROP CONSTRAINT "dossier_daily_unit_id_org_units_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_daily" DROP CONSTRAINT "dossier_daily_procedure_id_procedures_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_facts_monthly" DROP CONSTRAINT "dossier_facts_monthly_unit_id_org_units_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_procedure_monthly" DROP CONSTRAINT "dossier_procedure_monthly_unit_id_org_units_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_procedure_monthly" DROP CONSTRAINT "dossier_procedure_monthly_procedure_id_procedures_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_unit_daily" DROP CONSTRAINT "dossier_unit_daily_unit_id_org_units_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_unit_monthly" DROP CONSTRAINT "dossier_unit_monthly_unit_id_org_units_id_fk";
