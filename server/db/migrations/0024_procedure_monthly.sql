CREATE TABLE "dossier_procedure_monthly" (
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"month" date NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_procedure_monthly_unit_id_procedure_id_month_pk" PRIMARY KEY("unit_id","procedure_id","month")
);
--> statement-breakpoint
ALTER TABLE "dossier_procedure_monthly" ADD CONSTRAINT "dossier_procedure_monthly_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_procedure_monthly" ADD CONSTRAINT "dossier_procedure_monthly_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_procedure_monthly_month_idx" ON "dossier_procedure_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "dossier_daily_day_idx" ON "dossier_daily" USING btree ("day");--> statement-breakpoint
-- what is already counted: the online receipts of the daily counters, month by month
INSERT INTO "dossier_procedure_monthly" ("unit_id", "procedure_id", "month", "received_online")
SELECT "unit_id", "procedure_id", date_trunc('month', "day")::date, sum("received_online")::int FROM "dossier_daily" GROUP BY 1, 2, 3 HAVING sum("received_online") <> 0;
