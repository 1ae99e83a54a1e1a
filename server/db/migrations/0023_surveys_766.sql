CREATE TABLE "dossier_facts_monthly" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"synced" integer DEFAULT 0 NOT NULL,
	"sync_reported" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"payment_reported" integer DEFAULT 0 NOT NULL,
	"electronic_result" integer DEFAULT 0 NOT NULL,
	"electronic_result_reported" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"digitised_reported" integer DEFAULT 0 NOT NULL,
	"reused" integer DEFAULT 0 NOT NULL,
	"reused_reported" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_facts_monthly_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "questionnaires_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_daily" (
	"unit_id" integer NOT NULL,
	"procedure_key" integer NOT NULL,
	"day" date NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"element" text NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"weight_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "satisfaction_daily_unit_id_procedure_key_day_questionnaire_id_element_pk" PRIMARY KEY("unit_id","procedure_key","day","questionnaire_id","element")
);
--> statement-breakpoint
CREATE TABLE "survey_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"procedure_id" integer,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"sample_size" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_daily" (
	"unit_id" integer NOT NULL,
	"procedure_key" integer NOT NULL,
	"day" date NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"dossier_responses" integer DEFAULT 0 NOT NULL,
	"dossier_dissatisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_daily_unit_id_procedure_key_day_pk" PRIMARY KEY("unit_id","procedure_key","day")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"questionnaire_id" integer NOT NULL,
	"dossier_id" bigint,
	"campaign_id" integer,
	"unit_id" integer NOT NULL,
	"procedure_id" integer,
	"channel" text,
	"source" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"answered_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"dissatisfied" boolean NOT NULL,
	"entered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "announcing_decision_no" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "announced_on" date;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "effective_on" date;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "published_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "synced_to_portal" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "paid_online" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "electronic_result" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "digitised" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "reused_data" boolean;--> statement-breakpoint
ALTER TABLE "dossier_facts_monthly" ADD CONSTRAINT "dossier_facts_monthly_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_daily" ADD CONSTRAINT "satisfaction_daily_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_daily" ADD CONSTRAINT "satisfaction_daily_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_daily" ADD CONSTRAINT "survey_daily_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_code_version_uq" ON "questionnaires" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "satisfaction_daily_day_idx" ON "satisfaction_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "survey_daily_day_idx" ON "survey_daily" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_dossier_uq" ON "survey_responses" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "survey_responses_campaign_idx" ON "survey_responses" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "survey_responses_unit_day_idx" ON "survey_responses" USING btree ("unit_id","answered_on");