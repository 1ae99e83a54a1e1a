CREATE TABLE "dvcqg_held" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dvcqg_held_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"snapshot_id" bigint NOT NULL,
	"source_id" integer NOT NULL,
	"dossier_code" text NOT NULL,
	"reason" text NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dvcqg_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "dvcqg_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dvcqg_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"service" text NOT NULL,
	"dossier_code" text NOT NULL,
	"procedure_code" text,
	"payload" jsonb NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"message" text,
	"events" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dvcqg_sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dvcqg_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"madonvi" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_message_at" timestamp with time zone,
	"last_service" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "national_code" text;--> statement-breakpoint
ALTER TABLE "dvcqg_held" ADD CONSTRAINT "dvcqg_held_snapshot_id_dvcqg_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."dvcqg_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvcqg_held" ADD CONSTRAINT "dvcqg_held_source_id_dvcqg_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."dvcqg_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvcqg_sessions" ADD CONSTRAINT "dvcqg_sessions_source_id_dvcqg_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."dvcqg_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvcqg_snapshots" ADD CONSTRAINT "dvcqg_snapshots_source_id_dvcqg_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."dvcqg_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dvcqg_held_snapshot_uq" ON "dvcqg_held" USING btree ("snapshot_id");--> statement-breakpoint
CREATE INDEX "dvcqg_held_key_idx" ON "dvcqg_held" USING btree ("reason","key");--> statement-breakpoint
CREATE INDEX "dvcqg_held_dossier_idx" ON "dvcqg_held" USING btree ("source_id","dossier_code");--> statement-breakpoint
CREATE INDEX "dvcqg_sessions_source_idx" ON "dvcqg_sessions" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "dvcqg_snapshots_dossier_idx" ON "dvcqg_snapshots" USING btree ("source_id","dossier_code","id");--> statement-breakpoint
CREATE INDEX "dvcqg_snapshots_arrived_idx" ON "dvcqg_snapshots" USING btree ("source_id","arrived_at");--> statement-breakpoint
CREATE INDEX "dvcqg_snapshots_procedure_idx" ON "dvcqg_snapshots" USING btree ("procedure_code");--> statement-breakpoint
CREATE UNIQUE INDEX "dvcqg_sources_code_uq" ON "dvcqg_sources" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dvcqg_sources_username_uq" ON "dvcqg_sources" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_national_code_uq" ON "procedures" USING btree ("national_code");