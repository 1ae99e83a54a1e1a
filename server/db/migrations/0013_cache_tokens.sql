-- Cache tokens (server/db/versioned.ts): new for every change of the organisation, of the calendar.
INSERT INTO settings (key, value) VALUES ('org_history_version', jsonb_build_object('v', gen_random_uuid()::text)) ON CONFLICT (key) DO NOTHING;--> statement-breakpoint
INSERT INTO settings (key, value) VALUES ('calendar_version', jsonb_build_object('v', gen_random_uuid()::text)) ON CONFLICT (key) DO NOTHING;
