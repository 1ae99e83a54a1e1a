/** One uploaded file from a multipart request, with a clear 4xx when it is missing or too large. */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../errors.js';

export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw errors.badRequest('NOT_MULTIPART', 'Hãy gửi tệp dạng multipart/form-data.', 'Send the file as multipart/form-data.');
  const part = (await req.file({ limits: { fileSize: maxBytes, files: 1 } })) as MultipartFile | undefined;
  if (!part) throw errors.badRequest('NO_FILE', 'Chưa chọn tệp.', 'No file was sent.', { field: 'file' });
  const data = await part.toBuffer();
  if (part.file.truncated) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw new AppError(413, 'FILE_TOO_LARGE', `Tệp vượt quá ${mb} MB.`, `The file exceeds ${mb} MB.`);
  }
  return { name: part.filename, data };
}
