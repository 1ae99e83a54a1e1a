/** Progress of plan tasks (tiến độ) and its evidence files. */
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.js';
import { orgUnits } from './org.js';
import { planTasks } from './plans.js';

export const taskProgress = pgTable(
  'task_progress',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => planTasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** "2026-Q1" */
    period: text('period').notNull(),
    status: text('status').notNull(),
    percent: integer('percent').notNull(),
    report: text('report').notNull(),
    state: text('state').notNull(),
    reviewComment: text('review_comment'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('task_progress_uq').on(t.taskId, t.unitId, t.period), index('task_progress_unit_idx').on(t.unitId)],
);

/** Evidence files (minh chứng), kept in the database so that both engines back them up alike. */
export const progressEvidence = pgTable('progress_evidence', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  progressId: integer('progress_id')
    .notNull()
    .references(() => taskProgress.id),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: integer('uploaded_by'),
  createdAt: createdAt(),
});
