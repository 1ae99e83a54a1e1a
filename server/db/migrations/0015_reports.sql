CREATE TABLE "cchc_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cchc_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"template_id" integer NOT NULL,
	"texts" jsonb NOT NULL,
	"number" text,
	"symbol" text,
	"signed_on" text,
	"signer" jsonb,
	"recipients" jsonb,
	"return_comment" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"finalised_by" integer,
	"finalised_at" timestamp with time zone,
	"frozen" jsonb,
	"audit_head" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cchc_reports" ADD CONSTRAINT "cchc_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cchc_reports" ADD CONSTRAINT "cchc_reports_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cchc_reports_uq" ON "cchc_reports" USING btree ("unit_id","period");--> statement-breakpoint
CREATE INDEX "cchc_reports_period_idx" ON "cchc_reports" USING btree ("period");