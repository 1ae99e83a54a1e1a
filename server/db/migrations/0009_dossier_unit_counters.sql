CREATE TABLE "dossier_unit_daily" (
	"unit_id" integer NOT NULL,
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
	CONSTRAINT "dossier_unit_daily_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_unit_monthly" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
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
	CONSTRAINT "dossier_unit_monthly_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "dossier_unit_daily" ADD CONSTRAINT "dossier_unit_daily_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_unit_monthly" ADD CONSTRAINT "dossier_unit_monthly_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_unit_daily_day_idx" ON "dossier_unit_daily" USING btree ("day");