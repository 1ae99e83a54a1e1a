CREATE TABLE "feedback_code_seq" (
	"day" date PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_daily" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"field" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"late_start" integer DEFAULT 0 NOT NULL,
	"late_end" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_daily_unit_id_day_channel_field_pk" PRIMARY KEY("unit_id","day","channel","field")
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"feedback_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"from_unit_id" integer,
	"to_unit_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_files" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"feedback_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"address" text NOT NULL,
	"content" text NOT NULL,
	"suggested_unit_id" integer,
	"unit_id" integer,
	"unit_ids" integer[] DEFAULT '{}' NOT NULL,
	"procedure_code" text,
	"dossier_code" text,
	"field" text,
	"classification" text,
	"state" text NOT NULL,
	"process" jsonb NOT NULL,
	"limits" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"late_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_late" boolean,
	"question" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"rating" text,
	"rated_at" timestamp with time zone,
	"counted" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_limits" (
	"kind" text PRIMARY KEY NOT NULL,
	"refuse_days" integer NOT NULL,
	"forward_days" integer NOT NULL,
	"info_request_days" integer NOT NULL,
	"handle_days" integer NOT NULL,
	"publish_days" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_files" ADD CONSTRAINT "feedback_files_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_suggested_unit_id_org_units_id_fk" FOREIGN KEY ("suggested_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_daily_day_idx" ON "feedback_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("feedback_id","at");--> statement-breakpoint
CREATE INDEX "feedback_files_item_idx" ON "feedback_files" USING btree ("feedback_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_code_uq" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "feedback_items_unit_idx" ON "feedback_items" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "feedback_items_units_idx" ON "feedback_items" USING gin ("unit_ids");--> statement-breakpoint
CREATE INDEX "feedback_items_received_idx" ON "feedback_items" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_published_idx" ON "feedback_items" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "feedback_items_late_idx" ON "feedback_items" USING btree ("late_at");