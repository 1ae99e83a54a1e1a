/**
 * Bulk imports running in the background of the server (the file import screen's large files): one at a
 * time, its progress kept in memory for the screen to poll, an audit event when it starts and when it ends
 * (every batch has its own, from ingest). The uploaded file is deleted when the import ends. A server
 * restart forgets the jobs (the batches written stay written: importing the file again skips them).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Db } from '../../db/client.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { type BulkOptions, type BulkProgress, bulkImport } from './bulkImport.js';

export interface ImportJob {
  id: string;
  fileName: string;
  /** who started it (null: an API key) */
  userId: number | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'done' | 'failed';
  progress: BulkProgress | null;
  error: { code: string; message: string; messageEn: string; details: Record<string, unknown> } | null;
}

const KEEP = 20;

export class ImportJobs {
  private jobs = new Map<string, ImportJob>();
  private running: Promise<void> | null = null;

  constructor(
    private db: Db,
    private options: Omit<BulkOptions, 'onProgress'> = {},
  ) {}

  /** Refuses while another import runs (asked before an upload is received, and again when it starts). */
  assertIdle() {
    if (this.running) throw errors.conflict('IMPORT_RUNNING', 'Đang có một lần nhập tệp lớn chưa xong; hãy đợi nó kết thúc.', 'Another bulk import is running; wait for it to end.');
  }

  /** Starts importing the file at `path` (deleted when done); refuses while another import runs. */
  start(actor: AuditActor, userId: number | null, path: string, fileName: string): ImportJob {
    if (this.running) void rm(path, { force: true });
    this.assertIdle();
    const job: ImportJob = { id: randomUUID(), fileName, userId, startedAt: new Date().toISOString(), finishedAt: null, status: 'running', progress: null, error: null };
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP))) this.jobs.delete(id);
    this.running = this.run(job, actor, path).finally(() => (this.running = null));
    return job;
  }

  private async run(job: ImportJob, actor: AuditActor, path: string) {
    const audit = (action: string, after: Record<string, unknown>) => this.db.transaction((tx) => recordAudit(tx, actor, { action, entityType: 'dossier_import', entityId: job.id, after }));
    let status: ImportJob['status'] = 'failed';
    try {
      await audit('dossier.bulk_import.start', { fileName: job.fileName });
      job.progress = await bulkImport(this.db, actor, path, { ...this.options, onProgress: (p) => (job.progress = p) });
      status = 'done';
    } catch (e) {
      job.error = e instanceof AppError ? { code: e.code, message: e.messageVi, messageEn: e.messageEn, details: e.details } : { code: 'INTERNAL', message: 'Lỗi hệ thống khi nhập tệp.', messageEn: 'Internal error while importing.', details: {} };
      if (!(e instanceof AppError)) console.error(e);
      if (job.progress) job.progress = { ...job.progress, phase: 'failed' };
    }
    await rm(path, { force: true }).catch(() => {});
    const p = job.progress;
    await audit('dossier.bulk_import.end', { fileName: job.fileName, status, rows: p?.rows ?? 0, applied: p?.applied ?? 0, duplicates: p?.duplicates ?? 0, batches: p?.batches ?? 0, error: job.error?.code ?? null }).catch((e) => console.error(e));
    // the job ends (for the screen polling it) once its audit event is written
    job.finishedAt = new Date().toISOString();
    job.status = status;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  list(): ImportJob[] {
    return [...this.jobs.values()].reverse();
  }

  /** Resolves when the running import (if any) has ended (tests, shutdown). */
  async idle() {
    await this.running;
  }
}
