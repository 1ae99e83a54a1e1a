/**
 * Fuzzing the API from its own OpenAPI document (GET /api/docs/json): every route that takes a body or a
 * file gets mutated payloads — valid-looking bodies with a NUL, a lone surrogate, a huge string, a wrong type,
 * deep nesting, a missing field, prototype keys; broken multipart bodies; random and corrupted bytes as
 * .xlsx/.csv/.docx/.pdf files — as the administrator and anonymously, and every query string gets a NUL.
 * Nothing may answer 5xx. Seeded (FUZZ_SEED to replay another run) and bounded: a few seconds per engine.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';
import { appendixTable, docxWithBody } from '../helpers/hostileFiles.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_410);

/** mulberry32: a small seeded generator */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
  };
}
type Rng = ReturnType<typeof rng>;

// ---- valid-looking values from the JSON schemas of the document -------------------------------------
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  format?: string;
  default?: unknown;
  $ref?: string;
};

function stringFor(name: string, s: Schema, r: Rng): string {
  const n = name.toLowerCase();
  if (s.format === 'email' || n.includes('email')) return 'can.bo@tayninh.gov.vn';
  if (n.includes('date') || ['at', 'from', 'to', 'until', 'validfrom', 'validto', 'appointment', 'asof'].includes(n)) return r.pick(['2026-03-02', '2026-03-02T08:00:00+07:00', '2025-07-01']);
  if (n === 'period') return r.pick(['2026-Q1', '2026-03', '2026']);
  if (n.includes('password')) return 'Xyz12345!abc';
  if (n.includes('code') || n === 'username') return r.pick(['SNV', 'LA.SNV', 'MAU.HT.01', 'ab.cd']);
  const text = r.pick(['Sở Nội vụ', 'Rà soát thủ tục hành chính', 'x', 'Quý I/2026', 'các sở, ban, ngành tỉnh']);
  return s.maxLength !== undefined ? text.slice(0, s.maxLength) : text;
}

function sample(s: Schema | undefined, name: string, r: Rng, depth = 0): unknown {
  if (!s || s.$ref || depth > 6) return {};
  if (s.enum) return r.pick(s.enum);
  if (s.anyOf ?? s.oneOf) return sample(r.pick((s.anyOf ?? s.oneOf)!), name, r, depth + 1);
  if (s.allOf) return sample(s.allOf[0], name, r, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (s.required?.includes(k) || r.next() < 0.6) out[k] = sample(v, k, r, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 0, r.int(1, 2)) }, () => sample(s.items, name, r, depth + 1));
    case 'integer': {
      const lo = Math.max(s.minimum ?? 0, 1);
      const hi = Math.min(s.maximum ?? 5, lo + 4);
      return r.int(lo, Math.max(lo, hi));
    }
    case 'number':
      return Math.min(s.maximum ?? 10, Math.max(s.minimum ?? 0, r.int(0, 10)));
    case 'boolean':
      return r.next() < 0.5;
    case 'string':
      return stringFor(name, s, r);
    default:
      return null;
  }
}

/** Paths of the string leaves (and of all leaves) of a value. */
function leaves(v: unknown, path: (string | number)[] = [], out: { path: (string | number)[]; value: unknown }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  else out.push({ path, value: v });
  return out;
}
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: any = structuredClone(root);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]] = value;
  return copy;
}

interface Payload {
  desc: string;
  payload?: string | Buffer;
  contentType?: string;
  query?: string;
  pathValue?: string;
}

function jsonMutations(schema: Schema, r: Rng): Payload[] {
  const base = sample(schema, 'body', r);
  const json = (desc: string, v: unknown): Payload => ({ desc, payload: JSON.stringify(v), contentType: 'application/json' });
  const all = leaves(base);
  const strings = all.filter((l) => typeof l.value === 'string');
  const anyLeaf = () => (all.length ? r.pick(all) : { path: [], value: base });
  const anyString = () => (strings.length ? r.pick(strings) : anyLeaf());
  const out: Payload[] = [json('valid-looking', base)];
  for (const bad of ['\u0000', '\ud800', '\udc00x', 'a\u0000b\ud83d']) {
    const l = anyString();
    out.push(json(`${JSON.stringify(bad)} in ${l.path.join('.') || 'the body'}`, setAt(base, l.path, `${String(l.value ?? '')}${bad}`)));
  }
  let everyString = base;
  for (const l of strings) everyString = setAt(everyString, l.path, `${String(l.value)}\u0000\ud800`);
  out.push(json('NUL and a lone surrogate in every string', everyString));
  const huge = anyString();
  out.push(json(`a 300 000-character string in ${huge.path.join('.')}`, setAt(base, huge.path, 'ả'.repeat(300_000))));
  out.push({ desc: 'a 3 MB body', payload: JSON.stringify({ x: 'a'.repeat(3_000_000) }), contentType: 'application/json' });
  for (let i = 0; i < 3; i++) {
    const l = anyLeaf();
    const wrong = r.pick([123, -1, 0, 1.5, 2 ** 63, 'x', '', true, null, [], {}, ['a'], { $gt: '' }, '9'.repeat(400), -1e308]);
    out.push(json(`${JSON.stringify(wrong)} at ${l.path.join('.') || 'the body'}`, setAt(base, l.path, wrong)));
  }
  for (const [kind, nested] of [
    ['arrays', '['.repeat(5000) + '"x"' + ']'.repeat(5000)],
    ['objects', '{"a":'.repeat(5000) + '"x"' + '}'.repeat(5000)],
  ]) {
    const d = anyLeaf();
    const text = JSON.stringify(setAt(base, d.path, '\u2603DEEP')).replace('"\u2603DEEP"', nested);
    out.push({ desc: `5 000 levels of nested ${kind} at ${d.path.join('.') || 'the body'}`, payload: text, contentType: 'application/json' });
  }
  out.push({ desc: '100 000 nested arrays as the body', payload: '['.repeat(100_000) + ']'.repeat(100_000), contentType: 'application/json' });
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const keys = Object.keys(base);
    if (keys.length) {
      const k = r.pick(keys);
      const { [k]: _, ...rest } = base as Record<string, unknown>;
      out.push(json(`without ${k}`, rest));
      out.push({ desc: 'prototype keys', payload: `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},${JSON.stringify(base).slice(1)}`, contentType: 'application/json' });
    }
    out.push(json('a NUL in a key', { ...(base as object), 'k\u0000': 1 }));
  }
  for (const v of [{}, [], null, 'x', 42, [base]]) out.push(json(`the body is ${JSON.stringify(v).slice(0, 40)}`, v));
  out.push({ desc: 'malformed JSON', payload: '{"a":', contentType: 'application/json' });
  out.push({ desc: 'random bytes as JSON', payload: r.bytes(200), contentType: 'application/json' });
  out.push({ desc: 'JSON as text/plain', payload: JSON.stringify(base), contentType: 'text/plain' });
  out.push({ desc: 'an empty JSON body', payload: '', contentType: 'application/json' });
  return out;
}

// ---- multipart ------------------------------------------------------------------------------------
function multipart(fields: [string, string][], files: { field?: string; name: string; data: Buffer }[], boundary = 'fz' + Math.random().toString(16).slice(2)) {
  const parts: Buffer[] = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function corrupt(buf: Buffer, r: Rng, flips: number): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i < flips; i++) out[r.int(0, out.length - 1)] = r.int(0, 255);
  return out;
}

function fileMutations(valid: { xlsx: Buffer; docx: Buffer; csv: Buffer }, r: Rng): Payload[] {
  const fields: [string, string][] = [
    ['year', '2026'],
    ['unitId', '1'],
  ];
  const file = (desc: string, name: string, data: Buffer, f = fields): Payload => ({ desc, ...multipart(f, [{ name, data }]) });
  const out: Payload[] = [];
  for (const ext of ['xlsx', 'csv', 'docx', 'pdf', 'png']) out.push(file(`random bytes as .${ext}`, `a.${ext}`, r.bytes(r.int(0, 20_000))));
  out.push(file('zip-looking random bytes as .xlsx', 'a.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), r.bytes(5000)])));
  for (let i = 0; i < 3; i++) out.push(file('a corrupted .xlsx', 'a.xlsx', corrupt(valid.xlsx, r, r.int(1, 40))));
  for (let i = 0; i < 2; i++) out.push(file('a corrupted .docx', 'a.docx', corrupt(valid.docx, r, r.int(1, 40))));
  out.push(file('a valid .xlsx', 'a.xlsx', valid.xlsx), file('a valid .docx', 'a.docx', valid.docx), file('a .csv', 'a.csv', valid.csv));
  out.push(file('a .csv with a NUL', 'a.csv', Buffer.concat([valid.csv, Buffer.from('x\u0000y,1\n')])));
  out.push(file('a .csv with invalid UTF-8 (an encoded lone surrogate)', 'a.csv', Buffer.concat([valid.csv, Buffer.from([0xed, 0xa0, 0x80, 0x0a])])));
  out.push(file('a .pdf that is text', 'a.pdf', Buffer.from('%PDF-1.4\n' + 'x'.repeat(100))));
  out.push(file('an empty file name', '', valid.csv));
  out.push(file('a file name of 1 000 characters', 'a'.repeat(996) + '.csv', valid.csv));
  out.push(file('a NUL in the year field', 'a.csv', valid.csv, [['year', '2026\u0000'], ['unitId', '1']]));
  out.push(file('a lone surrogate in a field', 'a.csv', valid.csv, [['year', '2026'], ['unitId', '1'], ['title', 'Kế hoạch \ud800']]));
  out.push(file('a 2 MB field', 'a.csv', valid.csv, [['title', 'x'.repeat(2_000_000)]]));
  out.push(file('wrong types in fields', 'a.csv', valid.csv, [['year', 'abc'], ['unitId', '-1'], ['mappings', '{"x":']]));
  out.push({ desc: 'two files', ...multipart(fields, [{ name: 'a.csv', data: valid.csv }, { name: 'b.csv', data: valid.csv }]) });
  out.push({ desc: 'a file in another field', ...multipart(fields, [{ field: 'other', name: 'a.csv', data: valid.csv }]) });
  out.push({ desc: '40 fields', ...multipart(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'v'] as [string, string]), []) });
  out.push({ desc: 'no file', ...multipart(fields, []) });
  out.push({ desc: 'no boundary', payload: 'abc', contentType: 'multipart/form-data' });
  out.push({ desc: 'a 300-character boundary', payload: 'abc', contentType: `multipart/form-data; boundary=${'b'.repeat(300)}` });
  const whole = multipart(fields, [{ name: 'a.xlsx', data: valid.xlsx }]);
  out.push({ desc: 'truncated', payload: whole.payload.subarray(0, Math.floor(whole.payload.length / 2)), contentType: whole.contentType });
  out.push({ desc: 'a broken part header', payload: '--xx\r\nContent-Disposition: garbage\r\n\r\nabc\r\n--xx--\r\n', contentType: 'multipart/form-data; boundary=xx' });
  out.push({ desc: 'a prototype field name', payload: '--xx\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{}\r\n--xx--\r\n', contentType: 'multipart/form-data; boundary=xx' });
  out.push({ desc: 'JSON instead of a file', payload: '{"file":"x"}', contentType: 'application/json' });
  out.push({ desc: 'random bytes as the body', payload: r.bytes(3000), contentType: 'multipart/form-data; boundary=xx' });
  return out;
}

interface Param {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}
function queryOf(params: Param[], r: Rng, mutate?: { name: string; value: string }): string {
  const q = new URLSearchParams();
  for (const p of params.filter((x) => x.in === 'query')) {
    if (mutate?.name === p.name) q.set(p.name, mutate.value);
    else if (p.required || r.next() < 0.5) q.set(p.name, String(sample(p.schema, p.name, r)));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
function queryMutations(params: Param[], r: Rng): Payload[] {
  const out: Payload[] = [];
  for (const p of params.filter((x) => x.in === 'query')) {
    out.push({ desc: `a NUL in ?${p.name}`, query: queryOf(params, r, { name: p.name, value: `a\u0000b` }) });
    out.push({ desc: `a long ?${p.name}`, query: queryOf(params, r, { name: p.name, value: 'x'.repeat(5000) }) });
    out.push({ desc: `?${p.name} of another type`, query: queryOf(params, r, { name: p.name, value: r.pick(['-1', '1e309', 'abc', '[]', '2026-13-45']) }) });
  }
  return out;
}

// ---- the run ---------------------------------------------------------------------------------------
interface Failure {
  method: string;
  url: string;
  as: string;
  desc: string;
  status: number;
  body: string;
}

describe.each(ENGINES)('fuzzing every route of the OpenAPI document (%s)', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it(`no mutated request gets a 5xx (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const r = rng(SEED);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([['Mã TTHC', 'Tên TTHC', 'Lĩnh vực'], ['X.1', 'Cấp phép', 'Y tế']]);
    const valid = {
      xlsx: Buffer.from(await wb.xlsx.writeBuffer()),
      docx: await docxWithBody(appendixTable('1.1. Rà soát văn bản')),
      csv: Buffer.from('TT,Nội dung\n1,Rà soát\n'),
    };
    const adminId = (await inject(t.app, admin, 'GET', '/api/auth/me')).json().user.id as number;
    const failures: Failure[] = [];
    let sent = 0;
    const started = performance.now();

    const send = async (who: Session | null, method: string, url: string, p: Payload) => {
      const res = await inject(t.app, who, method, url + (p.query ?? ''), p.payload, p.contentType);
      sent++;
      if (res.statusCode >= 500) failures.push({ method, url: url + (p.query ?? '').slice(0, 80), as: who ? 'admin' : 'anonymous', desc: p.desc, status: res.statusCode, body: res.body.slice(0, 200) });
      // a fuzzed request may end the session (its own password reset…): log in again
      if (who && res.statusCode === 401) admin = await login(t.app, 'admin');
    };

    for (const [path, ops] of Object.entries<Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> }; parameters?: Param[] }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/api/auth/logout') continue; // ends the fuzzer's own session
        const params = op.parameters ?? [];
        const fill = (value?: string) =>
          path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            if (value !== undefined) return value;
            if (name === 'year') return '2026';
            if (name === 'code') return r.pick(['1', '1.1', 'A']);
            // never the administrator's own id: a fuzzed password reset would end this session
            return String(path.startsWith('/api/users/') ? r.pick([2, 3, 4]) : r.pick([1, 1, 2, 3]));
          });
        const M = method.toUpperCase();
        if (M === 'GET') {
          for (const p of queryMutations(params, r)) await send(admin, M, fill(), p);
          if (/\{\w+\}/.test(path)) for (const v of ['%00', 'abc', '99999999999999999999', '-1']) await send(admin, M, fill(v), { desc: `path parameter ${v}` });
          continue;
        }
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const payloads = schema ? jsonMutations(schema, r) : fileMutations(valid, r).map((p) => ({ ...p, query: queryOf(params, r) }));
        payloads.push(...queryMutations(params, r).map((p) => ({ ...p, ...(schema ? { payload: JSON.stringify(sample(schema, 'body', r)), contentType: 'application/json' } : multipart([], [{ name: 'a.csv', data: valid.csv }])) })));
        for (const p of payloads) await send(admin, M, fill(), p);
        if (/\{\w+\}/.test(path)) for (const v of ['%00', '99999999999999999999']) await send(admin, M, fill(v), payloads[0]);
        for (const p of payloads.slice(0, 3)) await send(null, M, fill(), p);
      }
    }
    expect(adminId).toBeGreaterThan(0);
    console.log(`[fuzz ${engine}] seed ${SEED}: ${sent} requests in ${((performance.now() - started) / 1000).toFixed(1)} s; ${failures.length} answered 5xx`);
    expect(failures).toEqual([]);
  });
});

function inject(app: FastifyInstance, s: Session | null, method: string, url: string, payload?: string | Buffer, contentType?: string) {
  return app.inject({
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload } : {}),
    headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
  });
}
