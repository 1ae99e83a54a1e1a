CREATE TABLE "dossier_daily" (
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"day" date NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_counter" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"refused_late" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"not_accepted" integer DEFAULT 0 NOT NULL,
	"late_start" integer DEFAULT 0 NOT NULL,
	"late_end" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_daily_unit_id_procedure_id_day_pk" PRIMARY KEY("unit_id","procedure_id","day")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "late_from" date;--> statement-breakpoint
ALTER TABLE "dossier_daily" ADD CONSTRAINT "dossier_daily_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_daily" ADD CONSTRAINT "dossier_daily_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_daily_unit_day_idx" ON "dossier_daily" USING btree ("unit_id","day");--> statement-breakpoint
CREATE INDEX "dossiers_unit_received_on_idx" ON "dossiers" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "dossiers_unit_ended_on_idx" ON "dossiers" USING btree ("unit_id","ended_on");