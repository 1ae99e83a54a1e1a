/** Turns every error into `{ code, message, details? }` with the right status. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';
import { AppError, errors, fromDomain } from '../errors.js';
import { invalidTextIn, multipartError } from './upload.js';

function wantsEnglish(req: FastifyRequest): boolean {
  const lang = req.headers['accept-language'];
  return typeof lang === 'string' && /^en\b/i.test(lang.trim());
}

function send(reply: FastifyReply, req: FastifyRequest, e: AppError) {
  return reply.status(e.status).send({
    code: e.code,
    message: wantsEnglish(req) ? e.messageEn : e.messageVi,
    ...(Object.keys(e.details).length ? { details: e.details } : {}),
  });
}

/** Fastify's own error codes for malformed requests, with their statuses. */
const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'Nội dung JSON không hợp lệ.', 'Malformed JSON body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'Nội dung JSON rỗng.', 'Empty JSON body.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ.', 'Unsupported content type.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.', 'Request body too large.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'Độ dài nội dung không hợp lệ.', 'Invalid content length.'],
  FST_ERR_VALIDATION: [400, 'VALIDATION', 'Dữ liệu không hợp lệ.', 'Invalid input.'],
};

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, req, err);
  if (err instanceof DomainError) return send(reply, req, fromDomain(err));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message,
    }));
    return send(reply, req, new AppError(400, 'VALIDATION', 'Dữ liệu không hợp lệ: ' + fields.map((f) => f.path).join(', '), 'Invalid input: ' + fields.map((f) => f.path).join(', '), { fields }));
  }
  const known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
  if (known) return send(reply, req, new AppError(known[0], known[1], known[2], known[3]));
  // a broken multipart body (no boundary, truncated, too many parts) wherever it was read
  const multipart = (err.code?.startsWith('FST_') || req.isMultipart?.()) ? multipartError(err) : null;
  if (multipart) return send(reply, req, multipart);
  if (err.statusCode === 429) {
    return send(reply, req, new AppError(429, 'RATE_LIMITED', 'Bạn gửi quá nhiều yêu cầu; hãy thử lại sau ít phút.', 'Too many requests; try again in a few minutes.'));
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(reply, req, new AppError(err.statusCode, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.', err.message));
  }
  // text the database cannot keep (NUL, a lone surrogate) that reached it: the sender's field, named
  const invalid = invalidTextIn(req);
  if (invalid) return send(reply, req, errors.invalidText(invalid.path, invalid.char));
  req.log.error(err);
  return send(reply, req, new AppError(500, 'INTERNAL', 'Lỗi hệ thống; đã ghi nhận để xử lý.', 'Internal error; it has been logged.'));
}
