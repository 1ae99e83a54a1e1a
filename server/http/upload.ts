/**
 * What a request carries besides its JSON: one uploaded file (with multipart fields for some routes), and the
 * text check every field goes through. Whatever is wrong with it — no file, a file too large, a broken or
 * truncated multipart body, too many parts, a file without a name, a NUL or a lone surrogate in a field —
 * ends as a clear 4xx, never a 500.
 */
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../errors.js';
import { findInvalidText, invalidCharAt, describeInvalidChar } from '../modules/files/text.js';

export interface Upload {
  name: string;
  data: Buffer;
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10}`.replace('.', ',');
const MAX_FILE_NAME = 255;

const fileTooLarge = (maxBytes: number) => errors.tooLarge('FILE_TOO_LARGE', `Tệp vượt quá ${MB(maxBytes)} MB.`, `The file exceeds ${MB(maxBytes)} MB.`, { limitBytes: maxBytes });

const BROKEN = () =>
  errors.badRequest(
    'BROKEN_MULTIPART',
    'Dữ liệu gửi lên (multipart/form-data) bị lỗi hoặc không trọn vẹn; hãy chọn tệp và gửi lại.',
    'The multipart/form-data body is malformed or incomplete; send the file again.',
  );

/** Errors of @fastify/multipart and busboy as they reach us (codes, or busboy's plain messages). */
const BUSBOY_MESSAGES = [/^Multipart: Boundary not found/, /^Unexpected end of (multipart data|form)/, /terminated early/, /^The needle /, /^Boundary required/, /^Malformed/i];

/** A multipart failure as an AppError, or null when `e` is not one. */
export function multipartError(e: unknown, maxBytes?: number): AppError | null {
  if (e instanceof AppError) return e;
  if (!(e instanceof Error)) return null;
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return maxBytes ? fileTooLarge(maxBytes) : errors.tooLarge('FILE_TOO_LARGE', 'Tệp quá lớn.', 'The file is too large.');
    case 'FST_FILES_LIMIT':
      return errors.tooLarge('TOO_MANY_FILES', 'Mỗi lần chỉ gửi một tệp.', 'Send one file at a time.');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return errors.tooLarge('TOO_MANY_FIELDS', 'Yêu cầu có quá nhiều trường dữ liệu.', 'The request has too many fields.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return BROKEN();
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return notMultipart();
  }
  return BUSBOY_MESSAGES.some((re) => re.test(e.message)) ? BROKEN() : null;
}

const notMultipart = () => errors.badRequest('NOT_MULTIPART', 'Hãy gửi tệp dạng multipart/form-data.', 'Send the file as multipart/form-data.');

/** Anything thrown while reading the body is the body's fault (the request is all that is read). */
const asUploadError = (e: unknown, maxBytes: number): AppError => multipartError(e, maxBytes) ?? BROKEN();

function checkFileName(name: string): string {
  if (!name || !name.trim()) throw errors.badRequest('FILE_NAME_MISSING', 'Tệp gửi lên không có tên; hãy chọn lại tệp.', 'The uploaded file has no name.', { field: 'file' });
  const at = invalidCharAt(name);
  if (at !== -1) throw errors.invalidText('file', describeInvalidChar(name, at));
  if (name.length > MAX_FILE_NAME) {
    throw errors.badRequest('FILE_NAME_TOO_LONG', `Tên tệp dài quá ${MAX_FILE_NAME} ký tự; hãy đổi tên tệp.`, `The file name is longer than ${MAX_FILE_NAME} characters.`, { field: 'file' });
  }
  return name;
}

async function fileOf(part: MultipartFile, maxBytes: number): Promise<Upload> {
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    throw asUploadError(e, maxBytes);
  }
  if (part.file.truncated) throw fileTooLarge(maxBytes);
  return { name: checkFileName(part.filename), data };
}

/** The one file part of a multipart request (field "file"; other fields are ignored), not yet read. */
async function filePart(req: FastifyRequest, maxBytes: number): Promise<MultipartFile> {
  if (!req.isMultipart()) throw notMultipart();
  let part: MultipartFile | undefined;
  try {
    part = (await req.file({ limits: { fileSize: maxBytes, files: 1 } })) as MultipartFile | undefined;
  } catch (e) {
    throw asUploadError(e, maxBytes);
  }
  if (!part) throw errors.badRequest('NO_FILE', 'Chưa chọn tệp.', 'No file was sent.', { field: 'file' });
  return part;
}

/** The one file of a multipart request (field "file"; other fields are ignored). */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  return fileOf(await filePart(req, maxBytes), maxBytes);
}

/**
 * The one file of a multipart request streamed to a new file in `dir` (a bulk import: never held in memory),
 * at most `maxBytes`, its name ending in one of `extensions`. Whatever goes wrong, the partial file is removed.
 */
export async function receiveToFile(req: FastifyRequest, dir: string, maxBytes: number, extensions: string[]): Promise<{ name: string; path: string; bytes: number }> {
  const part = await filePart(req, maxBytes);
  const name = checkFileName(part.filename);
  if (!extensions.includes(extname(name).toLowerCase())) {
    part.file.resume();
    throw errors.badRequest('FILE_TYPE', `Chỉ nhận tệp ${extensions.join(', ')}.`, `Only ${extensions.join(', ')} files are accepted.`, { field: 'file', accepted: extensions });
  }
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}${extname(name).toLowerCase()}`);
  let bytes = 0;
  part.file.on('data', (c: Buffer) => (bytes += c.length));
  try {
    await pipeline(part.file, createWriteStream(path, { flags: 'wx' }));
  } catch (e) {
    await rm(path, { force: true });
    throw asUploadError(e, maxBytes);
  }
  if (part.file.truncated) {
    await rm(path, { force: true });
    throw fileTooLarge(maxBytes);
  }
  return { name, path, bytes };
}

/** One file and the text fields beside it (each checked for NUL and lone surrogates). */
export async function readUploadWithFields(req: FastifyRequest, maxBytes: number): Promise<{ file: Upload; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw notMultipart();
  const fields: Record<string, string> = {};
  let file: Upload | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        file = await fileOf(part as MultipartFile, maxBytes);
        continue;
      }
      const field = part as MultipartValue;
      if (field.valueTruncated) {
        throw errors.tooLarge('FIELD_TOO_LONG', `Trường "${field.fieldname}" quá dài.`, `The field "${field.fieldname}" is too long.`, { field: field.fieldname });
      }
      const value = String(field.value);
      const bad = findInvalidText({ [field.fieldname]: value }, 'body');
      if (bad) throw errors.invalidText(bad.path, bad.char);
      fields[field.fieldname] = value;
    }
  } catch (e) {
    throw asUploadError(e, maxBytes);
  }
  if (!file) throw errors.badRequest('NO_FILE', 'Chưa chọn tệp.', 'No file was sent.', { field: 'file' });
  return { file, fields };
}

/**
 * The first field of the request (body, query string, route parameters) that holds a NUL or a lone
 * surrogate. As a `preValidation` hook it refuses such a request before any use case sees it; the error
 * handler also asks it when something fails, so that such input is a 400 naming the field.
 */
export function invalidTextIn(req: FastifyRequest): { path: string; char: string } | null {
  return findInvalidText(req.params, 'params') ?? findInvalidText(req.query, 'query') ?? (Buffer.isBuffer(req.body) ? null : findInvalidText(req.body, 'body'));
}

export async function refuseInvalidText(req: FastifyRequest): Promise<void> {
  const bad = invalidTextIn(req);
  if (bad) throw errors.invalidText(bad.path, bad.char);
}
