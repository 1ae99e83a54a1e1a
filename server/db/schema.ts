/**
 * The database schema (Drizzle), one file per capability in ./schema/. Timestamps are `timestamptz` (UTC);
 * business dates are `date` strings (Vietnamese local dates). This file only lists them.
 */
export * from './schema/org.js';
export * from './schema/users.js';
export * from './schema/audit.js';
export * from './schema/plans.js';
export * from './schema/progress.js';
export * from './schema/notifications.js';
export * from './schema/calendar.js';
export * from './schema/settings.js';
export * from './schema/procedures.js';
export * from './schema/dossiers.js';
export * from './schema/par.js';
export * from './schema/indicators.js';
export * from './schema/reports.js';
export * from './schema/legalDocs.js';
export * from './schema/staffing.js';
export * from './schema/dvcqg.js';
export * from './schema/feedback.js';
export * from './schema/map.js';
export * from './schema/surveys.js';
