CREATE TABLE "legal_document_part_endings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "legal_document_part_endings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"from_date" date NOT NULL,
	"by_symbol" text,
	"by_link" text,
	"by_key" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "legal_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"symbol" text NOT NULL,
	"symbol_key" text NOT NULL,
	"number" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"issuer_kind" text NOT NULL,
	"issuer_text" text NOT NULL,
	"issuer_unit_id" integer,
	"issuer_scope" text NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"signed_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"expired_on" date,
	"ended_by_symbol" text,
	"ended_by_link" text,
	"ended_by_key" text,
	"lead_text" text,
	"lead_unit_id" integer,
	"link" text,
	"note" text,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_documents_dates_chk" CHECK ("legal_documents"."effective_on" >= "legal_documents"."signed_on" AND ("legal_documents"."expired_on" IS NULL OR "legal_documents"."expired_on" > "legal_documents"."effective_on"))
);
--> statement-breakpoint
CREATE TABLE "staffing_figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staffing_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"civil_assigned" integer,
	"civil_present" integer,
	"civil_base_2015" integer,
	"civil_reported_rate" numeric(6, 2),
	"public_assigned" integer,
	"public_present" integer,
	"public_base_2015" integer,
	"public_reported_rate" numeric(6, 2),
	"reference" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing_recruitments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staffing_recruitments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"reference" text NOT NULL,
	"reference_key" text NOT NULL,
	"decided_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing_schemes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staffing_schemes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_key" text NOT NULL,
	"decision_date" date NOT NULL,
	"title" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_document_part_endings" ADD CONSTRAINT "legal_document_part_endings_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_issuer_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_figures" ADD CONSTRAINT "staffing_figures_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_recruitments" ADD CONSTRAINT "staffing_recruitments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_schemes" ADD CONSTRAINT "staffing_schemes_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_document_part_endings_doc_idx" ON "legal_document_part_endings" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "legal_document_part_endings_by_idx" ON "legal_document_part_endings" USING btree ("by_key");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_documents_symbol_uq" ON "legal_documents" USING btree ("issuer_scope","symbol_key");--> statement-breakpoint
CREATE INDEX "legal_documents_signed_idx" ON "legal_documents" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "legal_documents_issuer_idx" ON "legal_documents" USING btree ("issuer_unit_id","signed_on");--> statement-breakpoint
CREATE INDEX "legal_documents_symbol_key_idx" ON "legal_documents" USING btree ("symbol_key");--> statement-breakpoint
CREATE INDEX "legal_documents_ended_by_idx" ON "legal_documents" USING btree ("ended_by_key");--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_figures_unit_year_uq" ON "staffing_figures" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "staffing_figures_year_idx" ON "staffing_figures" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_recruitments_uq" ON "staffing_recruitments" USING btree ("unit_id","year","kind","reference_key");--> statement-breakpoint
CREATE INDEX "staffing_recruitments_year_idx" ON "staffing_recruitments" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_schemes_uq" ON "staffing_schemes" USING btree ("unit_id","kind","decision_key");--> statement-breakpoint
CREATE INDEX "staffing_schemes_date_idx" ON "staffing_schemes" USING btree ("decision_date");