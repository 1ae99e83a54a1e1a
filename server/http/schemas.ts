/** zod pieces shared by the routes. */
import { z } from 'zod';
import { isIsoDate } from '../../domain/org/dates.js';

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật / must be a real date YYYY-MM-DD' });

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const errorBody = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

export const legalMeta = {
  legalBasis: z.string().trim().max(300).optional().describe('Căn cứ pháp lý, ví dụ "Nghị quyết 202/2025/QH15"'),
  note: z.string().trim().max(2000).optional(),
};
