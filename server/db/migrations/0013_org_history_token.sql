-- The organisation history's cache token (server/modules/org/history.ts): new for every change of the organisation.
INSERT INTO settings (key, value) VALUES ('org_history_version', jsonb_build_object('v', gen_random_uuid()::text)) ON CONFLICT (key) DO NOTHING;
