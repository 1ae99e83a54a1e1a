CREATE TABLE "par_criteria_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "par_criteria_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"unit_type" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"survey_share" numeric(6, 2) NOT NULL,
	"areas" jsonb NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "par_criteria_sets_uq" ON "par_criteria_sets" USING btree ("year","unit_type","version");