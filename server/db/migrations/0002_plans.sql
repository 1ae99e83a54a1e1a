CREATE TABLE "agency_aliases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agency_aliases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"text" text NOT NULL,
	"folded" text NOT NULL,
	"unit_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_areas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_task_products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_task_products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"timeframe_text" text NOT NULL,
	"timeframe_kind" text NOT NULL,
	"windows" jsonb NOT NULL,
	"recurring" boolean NOT NULL,
	"due" date,
	"budget_million" numeric(16, 3),
	"budget_note" text
);
--> statement-breakpoint
CREATE TABLE "plan_task_units" (
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"via" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"number" text NOT NULL,
	"sort_key" text NOT NULL,
	"text" text NOT NULL,
	"lead_text" text NOT NULL,
	"coordinating_text" text NOT NULL,
	"lead_groups" text[] NOT NULL,
	"coordinating_groups" text[] NOT NULL,
	"due" date,
	"budget_million" numeric(16, 3),
	"owner_unit_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"title" text NOT NULL,
	"goals" text,
	"source_file" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD CONSTRAINT "agency_aliases_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_areas" ADD CONSTRAINT "plan_areas_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_products" ADD CONSTRAINT "plan_task_products_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_aliases_folded_uq" ON "agency_aliases" USING btree ("folded");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_areas_uq" ON "plan_areas" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_task_units_uq" ON "plan_task_units" USING btree ("task_id","unit_id","role");--> statement-breakpoint
CREATE INDEX "plan_task_units_unit_idx" ON "plan_task_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_number_uq" ON "plan_tasks" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_tasks_due_idx" ON "plan_tasks" USING btree ("due");