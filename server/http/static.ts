/**
 * How the server sends bytes to browsers: compression of every response (brotli or gzip, as the client
 * accepts) and the built web app with its caching rules.
 *
 * - The build (vite.config.ts) has two entries: the staff app (index.html) and the public pages, no login
 *   (public.html). Paths under /tra-cuu and /cong-khai get the public HTML, every other non-API GET the
 *   staff HTML (each app routes itself); the prefixes are web/app/publicPaths.ts's.
 * - Hashed files under /assets/ never change under their name: cached for a year, immutable. They are
 *   compressed once at build time (.br, .gz beside each file) and sent as they are.
 * - HTML is `no-cache` (revalidated each time, ETag → 304), so a new build is picked up at once. The two HTML
 *   files are kept in memory and looked at again on disk at most once a second (the public pages' HTML is the
 *   most asked-for file: from disk on every request it ran at a fifth of a trivial route, issue 15).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** The public pages' paths (web/app/publicPaths.ts): served the public entry's HTML. */
const PUBLIC_PATH = /^\/(tra-cuu|cong-khai)(\/|$)/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Brotli or gzip for every response above 1 KB (API JSON included). Zstandard would need Node 22. */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
}

/** The built web app in `webDir` (when it has been built), and the not-found answer for everything else. */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(`${webDir}/index.html`);
  const hasPublic = existsSync(`${webDir}/public.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api') || !hasWeb || req.method !== 'GET') {
      throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.', 'No such route.');
    }
    if (req.url.startsWith('/assets/')) {
      // an old build's file: a 404, not the app's HTML under a script's name (and never cached as immutable)
      throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy tệp.', 'No such file.');
    }
    const path = req.url.split('?')[0];
    return sendHtml(req, reply, hasPublic && PUBLIC_PATH.test(path) ? publicHtml : staffHtml); // the app routes itself
  });
  const staffHtml = keptFile(join(webDir, 'index.html'));
  const publicHtml = keptFile(join(webDir, 'public.html'));
}

interface Kept {
  body: Buffer;
  etag: string;
  mtimeMs: number;
  checkedAt: number;
}

/** A small file read once and again only when its modification time has moved (checked once a second). */
function keptFile(path: string) {
  let kept: Kept | null = null;
  return (now = Date.now()): Kept => {
    if (kept && now - kept.checkedAt < 1000) return kept;
    const mtimeMs = statSync(path).mtimeMs;
    if (kept && kept.mtimeMs === mtimeMs) {
      kept.checkedAt = now;
      return kept;
    }
    const body = readFileSync(path);
    kept = { body, mtimeMs, checkedAt: now, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
    return kept;
  };
}

function sendHtml(req: FastifyRequest, reply: FastifyReply, file: () => Kept) {
  const f = file();
  reply.code(200).header('cache-control', 'no-cache').header('vary', 'accept-encoding').header('etag', f.etag);
  if (req.headers['if-none-match'] === f.etag) return reply.code(304).send();
  return reply.type('text/html; charset=UTF-8').send(f.body);
}
