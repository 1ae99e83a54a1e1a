DROP INDEX "dossier_procedure_monthly_month_idx";--> statement-breakpoint
CREATE INDEX "dossier_procedure_monthly_procedure_month_idx" ON "dossier_procedure_monthly" USING btree ("procedure_id","month");--> statement-breakpoint
CREATE INDEX "dossiers_open_late_from_idx" ON "dossiers" USING btree ("late_from","unit_id") WHERE ended_on is null and late_from is not null;