ALTER TABLE "indicator_targets" DROP CONSTRAINT "indicator_targets_plan_target_id_plan_targets_id_fk";
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_plan_target_id_plan_targets_id_fk" FOREIGN KEY ("plan_target_id") REFERENCES "public"."plan_targets"("id") ON DELETE set null ON UPDATE no action;