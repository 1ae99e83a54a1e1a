/**
 * The database schema (Drizzle). Timestamps are `timestamptz` (UTC); business dates are `date` strings
 * (Vietnamese local dates). Organisation history is kept as spans: nothing is deleted by a change.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** bytea as a Node Buffer on both engines */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

// ---- organisations (đơn vị) -------------------------------------------------------------------
export const orgUnits = pgTable(
  'org_units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('org_units_code_idx').on(t.code),
    check('org_units_span_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const orgUnitNames = pgTable(
  'org_unit_names',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('org_unit_names_unit_idx').on(t.unitId, t.validFrom),
    check('org_unit_names_span_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const orgUnitParents = pgTable(
  'org_unit_parents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    parentId: integer('parent_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('org_unit_parents_unit_idx').on(t.unitId, t.validFrom),
    index('org_unit_parents_parent_idx').on(t.parentId),
    check('org_unit_parents_span_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** One change to the organisation (thành lập, đổi tên, điều chuyển, hợp nhất, chia tách, giải thể). */
export const orgEvents = pgTable(
  'org_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    legalBasis: text('legal_basis'),
    note: text('note'),
    unitIds: integer('unit_ids').array().notNull(),
    payload: jsonb('payload').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('org_events_units_idx').using('gin', t.unitIds)],
);

export const orgSuccessions = pgTable(
  'org_successions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => orgUnits.id),
    successorId: integer('successor_id')
      .notNull()
      .references(() => orgUnits.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    eventId: integer('event_id')
      .notNull()
      .references(() => orgEvents.id),
  },
  (t) => [index('org_successions_pred_idx').on(t.predecessorId), index('org_successions_succ_idx').on(t.successorId)],
);

// ---- users and sessions ---------------------------------------------------------------------------
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    locale: text('locale').notNull().default('vi'),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen table does not give usable cookies. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// ---- audit trail (nhật ký) ------------------------------------------------------------------------
/**
 * Append-only and hash-chained: each row's hash covers its content and the previous row's hash.
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** Taken from the sequence before the insert, so that the hash covers it. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    unitId: integer('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_actor_idx').on(t.actorId)],
);

/** The chain's head, written in the same transaction as each event: a deleted last row is detected too. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  count: bigint('count', { mode: 'number' }).notNull(),
});

// ---- CCHC plans (kế hoạch CCHC) ---------------------------------------------------------------------
export const plans = pgTable('plans', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** the issuing unit (UBND tỉnh, or a department / district for its own plan) */
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  year: integer('year').notNull(),
  decisionNumber: text('decision_number'),
  decisionDate: date('decision_date', { mode: 'string' }),
  title: text('title').notNull(),
  goals: text('goals'),
  sourceFile: text('source_file'),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

export const planAreas = pgTable(
  'plan_areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('plan_areas_uq').on(t.planId, t.number)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    areaId: integer('area_id')
      .notNull()
      .references(() => planAreas.id),
    number: text('number').notNull(),
    /** for ordering 1.2 before 1.10 */
    sortKey: text('sort_key').notNull(),
    text: text('text').notNull(),
    leadText: text('lead_text').notNull(),
    coordinatingText: text('coordinating_text').notNull(),
    leadGroups: text('lead_groups').array().notNull(),
    coordinatingGroups: text('coordinating_groups').array().notNull(),
    due: date('due', { mode: 'string' }),
    budgetMillion: numeric('budget_million', { precision: 16, scale: 3 }),
    /** a task a unit added under the province's plan */
    ownerUnitId: integer('owner_unit_id').references(() => orgUnits.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('plan_tasks_number_uq').on(t.planId, t.number), index('plan_tasks_due_idx').on(t.due)],
);

export const planTaskProducts = pgTable('plan_task_products', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  taskId: integer('task_id')
    .notNull()
    .references(() => planTasks.id),
  seq: integer('seq').notNull(),
  text: text('text').notNull(),
  timeframeText: text('timeframe_text').notNull(),
  timeframeKind: text('timeframe_kind').notNull(),
  windows: jsonb('windows').notNull(),
  recurring: boolean('recurring').notNull(),
  due: date('due', { mode: 'string' }),
  budgetMillion: numeric('budget_million', { precision: 16, scale: 3 }),
  budgetNote: text('budget_note'),
});

/** The units a task names or whose group it names, as lead (chủ trì) or coordinating (phối hợp). */
export const planTaskUnits = pgTable(
  'plan_task_units',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => planTasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    role: text('role').notNull(),
    /** 'named', or the group it came from */
    via: text('via').notNull(),
  },
  (t) => [uniqueIndex('plan_task_units_uq').on(t.taskId, t.unitId, t.role), index('plan_task_units_unit_idx').on(t.unitId)],
);

/** Agency names mapped once by a user, remembered for later imports. */
export const agencyAliases = pgTable(
  'agency_aliases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    text: text('text').notNull(),
    folded: text('folded').notNull(),
    /** null: a body outside the system, kept as text */
    unitId: integer('unit_id').references(() => orgUnits.id),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agency_aliases_folded_uq').on(t.folded)],
);

// ---- progress of plan tasks (tiến độ) ---------------------------------------------------------------
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

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/** Target lines (chỉ tiêu) of a plan; the structured targets read from each line are kept with it. */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    structured: jsonb('structured').notNull(),
  },
  (t) => [uniqueIndex('plan_targets_uq').on(t.planId, t.seq)],
);

// ---- working-day calendar (lịch làm việc) -------------------------------------------------------------
/** A year's announced schedule: complete (replaces the rules) or additions to the rules. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  replacesRules: boolean('replaces_rules').notNull(),
  source: text('source'),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const calendarDays = pgTable(
  'calendar_days',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'off': a day off; 'work': a weekend day worked in exchange */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('calendar_days_uq').on(t.date)],
);

/** System settings as JSON by key (e.g. the province's working hours). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

// ---- administrative procedures (thủ tục hành chính) ---------------------------------------------------
export const procedures = pgTable(
  'procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** name, code and field without diacritics, for search */
    searchText: text('search_text').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    agencyText: text('agency_text'),
    agencyUnitId: integer('agency_unit_id').references(() => orgUnits.id),
    limitValue: numeric('limit_value', { precision: 8, scale: 2 }).notNull(),
    limitUnit: text('limit_unit').notNull(),
    onlineLevel: text('online_level').notNull(),
    fee: text('fee'),
    legalBasis: text('legal_basis'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedures_code_uq').on(t.code), index('procedures_field_idx').on(t.field)],
);

// ---- one-stop dossiers (hồ sơ) ------------------------------------------------------------------------
/** The current state of each dossier, kept up to date at ingest from its events. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceSystem: text('source_system').notNull(),
    code: text('code').notNull(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the domain state (lifecycle.ts), dates as ISO strings */
    state: jsonb('state').notNull(),
    status: text('status').notNull(),
    channel: text('channel'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    appointment: timestamp('appointment', { withTimezone: true, mode: 'date' }),
    endAt: timestamp('end_at', { withTimezone: true, mode: 'date' }),
    /** the summary the daily counters were built from (domain/dossiers/summary.ts), Vietnamese local days */
    receivedOn: date('received_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    result: text('result'),
    lateFrom: date('late_from', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_source_code_uq').on(t.sourceSystem, t.code),
    index('dossiers_code_idx').on(t.code),
    index('dossiers_unit_received_idx').on(t.unitId, t.receivedAt),
    index('dossiers_unit_received_on_idx').on(t.unitId, t.receivedOn),
    index('dossiers_unit_ended_on_idx').on(t.unitId, t.endedOn),
  ],
);

const counterColumns = () => ({
  receivedOnline: integer('received_online').notNull().default(0),
  receivedCounter: integer('received_counter').notNull().default(0),
  early: integer('early').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  late: integer('late').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  refusedLate: integer('refused_late').notNull().default(0),
  withdrawn: integer('withdrawn').notNull().default(0),
  notAccepted: integer('not_accepted').notNull().default(0),
  lateStart: integer('late_start').notNull().default(0),
  lateEnd: integer('late_end').notNull().default(0),
});

/**
 * Daily counters per unit and procedure, kept up to date at ingest (each dossier's old contribution taken
 * away, its new one added, in the same transaction), so that statistics never read the dossiers.
 */
export const dossierDaily = pgTable(
  'dossier_daily',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    day: date('day', { mode: 'string' }).notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.procedureId, t.day] }), index('dossier_daily_unit_day_idx').on(t.unitId, t.day)],
);

/** The same counters per unit and day (all procedures): totals, rankings and trends read these. */
export const dossierUnitDaily = pgTable(
  'dossier_unit_daily',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    day: date('day', { mode: 'string' }).notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), index('dossier_unit_daily_day_idx').on(t.day)],
);

/** … and per unit and month (`month` = its first day): sums from the beginning of time read a few rows. */
export const dossierUnitMonthly = pgTable(
  'dossier_unit_monthly',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    month: date('month', { mode: 'string' }).notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);

export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: bigint('dossier_id', { mode: 'number' })
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    channel: text('channel'),
    appointment: timestamp('appointment', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  // the same event sent again is recognised: source + code (through the dossier) + kind + instant
  (t) => [uniqueIndex('dossier_events_uq').on(t.dossierId, t.kind, t.at)],
);

// ---- PAR index (Chỉ số CCHC) ---------------------------------------------------------------------------
/** A criteria set, versioned per year and unit type; its tree (domain/par/criteriaSet.ts) kept whole. */
export const parCriteriaSets = pgTable(
  'par_criteria_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    unitType: text('unit_type').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    surveyShare: numeric('survey_share', { precision: 6, scale: 2 }).notNull(),
    areas: jsonb('areas').notNull(),
    /** e.g. "Mẫu minh họa" for demo sets; the decision number for an issued set */
    source: text('source'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('par_criteria_sets_uq').on(t.year, t.unitType, t.version)],
);

/** A PAR round: the year assessed, its windows and status (open → approved → published). */
export const parRounds = pgTable('par_rounds', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  selfFrom: date('self_from', { mode: 'string' }).notNull(),
  selfTo: date('self_to', { mode: 'string' }).notNull(),
  appraisalFrom: date('appraisal_from', { mode: 'string' }).notNull(),
  appraisalTo: date('appraisal_to', { mode: 'string' }).notNull(),
  /** GroupThreshold[] (domain/par/results.ts) */
  groups: jsonb('groups').notNull(),
  status: text('status').notNull(),
  approvedBy: integer('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
  publishedBy: integer('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/** A unit in a round's scope, the set it is scored on, its submission, reopening and survey points. */
export const parRoundUnits = pgTable(
  'par_round_units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => parRounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    setId: integer('set_id')
      .notNull()
      .references(() => parCriteriaSets.id),
    /** the appraiser assigned to the unit (null: any appraiser of another unit) */
    appraiserId: integer('appraiser_id'),
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    reopenedUntil: date('reopened_until', { mode: 'string' }),
    surveyRaw: numeric('survey_raw', { precision: 8, scale: 2 }),
    surveyRawMax: numeric('survey_raw_max', { precision: 8, scale: 2 }),
    surveyScore: numeric('survey_score', { precision: 8, scale: 2 }),
  },
  (t) => [uniqueIndex('par_round_units_uq').on(t.roundId, t.unitId)],
);

/** One item of one unit's assessment: the unit's score and evidence, the system's data, the appraisal. */
export const parScores = pgTable(
  'par_scores',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundUnitId: integer('round_unit_id')
      .notNull()
      .references(() => parRoundUnits.id),
    itemCode: text('item_code').notNull(),
    /** what the unit gave under the item's rule (ItemInput) */
    selfInput: jsonb('self_input'),
    selfScore: numeric('self_score', { precision: 8, scale: 2 }),
    explanation: text('explanation'),
    /** references to records: a plan task, a decision number… */
    refs: text('refs'),
    /** for computed items: the figures the score came from */
    data: jsonb('data'),
    /** null | returned | answered | accepted | adjusted */
    appraisal: text('appraisal'),
    appraisedScore: numeric('appraised_score', { precision: 8, scale: 2 }),
    appraisalReason: text('appraisal_reason'),
    appraisedBy: integer('appraised_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true, mode: 'date' }),
    returnNote: text('return_note'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('par_scores_uq').on(t.roundUnitId, t.itemCode)],
);

export const parEvidence = pgTable('par_evidence', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  scoreId: integer('score_id')
    .notNull()
    .references(() => parScores.id),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: integer('uploaded_by'),
  createdAt: createdAt(),
});
