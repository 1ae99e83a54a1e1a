/**
 * Answers of the public routes kept in memory, ready to send: the JSON once serialised, its brotli and gzip
 * forms made once (on first asking), and an ETag, so a phone that comes back sends If-None-Match and gets a
 * 304 without a body. An answer is kept under a version (server/modules/public/version.ts, or another token);
 * when the version moves, the next request computes it again (concurrent requests share one computation).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Prepared {
  etag: string;
  json: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** the computation found nothing (null): the route answers 404 */
  missing: boolean;
}

export function prepare(value: unknown): Prepared {
  const json = Buffer.from(JSON.stringify(value));
  return { json, missing: value === null, etag: `"${createHash('sha1').update(json).digest('base64url').slice(0, 22)}"` };
}

export class PublicCache {
  private readonly entries = new Map<string, { version: string; value: Promise<Prepared> }>();

  constructor(private readonly max = 256) {}

  get(key: string, version: string, compute: () => Promise<unknown>): Promise<Prepared> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute().then(prepare);
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    return value;
  }

  clear() {
    this.entries.clear();
  }
}

const THRESHOLD = 1024;

/** Sends a prepared answer: 304 when the client has it, else the body compressed as the client accepts. */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, p: Prepared, cacheControl: string) {
  reply.header('etag', p.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === p.etag || t.trim() === `W/${p.etag}`)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  const accept = p.json.length < THRESHOLD ? '' : String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) {
    p.br ??= brotliCompressSync(p.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: p.json.length } });
    return reply.header('content-encoding', 'br').send(p.br);
  }
  if (/\bgzip\b/.test(accept)) {
    p.gzip ??= gzipSync(p.json, { level: 9 });
    return reply.header('content-encoding', 'gzip').send(p.gzip);
  }
  return reply.send(p.json);
}
