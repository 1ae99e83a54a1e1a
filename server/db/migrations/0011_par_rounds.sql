CREATE TABLE "par_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "par_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"score_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_round_units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "par_round_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"set_id" integer NOT NULL,
	"appraiser_id" integer,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"reopened_until" date,
	"survey_raw" numeric(8, 2),
	"survey_raw_max" numeric(8, 2),
	"survey_score" numeric(8, 2)
);
--> statement-breakpoint
CREATE TABLE "par_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "par_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"self_from" date NOT NULL,
	"self_to" date NOT NULL,
	"appraisal_from" date NOT NULL,
	"appraisal_to" date NOT NULL,
	"groups" jsonb NOT NULL,
	"status" text NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"published_by" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_scores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "par_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_unit_id" integer NOT NULL,
	"item_code" text NOT NULL,
	"self_input" jsonb,
	"self_score" numeric(8, 2),
	"explanation" text,
	"refs" text,
	"data" jsonb,
	"appraisal" text,
	"appraised_score" numeric(8, 2),
	"appraisal_reason" text,
	"appraised_by" integer,
	"returned_at" timestamp with time zone,
	"return_note" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_score_id_par_scores_id_fk" FOREIGN KEY ("score_id") REFERENCES "public"."par_scores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_round_units" ADD CONSTRAINT "par_round_units_round_id_par_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."par_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_round_units" ADD CONSTRAINT "par_round_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_round_units" ADD CONSTRAINT "par_round_units_set_id_par_criteria_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."par_criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_scores" ADD CONSTRAINT "par_scores_round_unit_id_par_round_units_id_fk" FOREIGN KEY ("round_unit_id") REFERENCES "public"."par_round_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "par_round_units_uq" ON "par_round_units" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_scores_uq" ON "par_scores" USING btree ("round_unit_id","item_code");