/**
 * The parts of an uploaded .xlsx or .docx (a zip archive), read within limits: the number of entries and the
 * sizes the central directory declares are checked before anything is inflated, and the bytes are counted
 * while inflating (an entry that inflates past its declared size or past the limit stops there). Inflation
 * runs in zlib's thread pool, so other requests go on meanwhile.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError, errors } from '../../errors.js';

export interface ZipLimits {
  /** entries in the central directory */
  maxEntries: number;
  /** inflated bytes of one entry read */
  maxEntryBytes: number;
  /** inflated bytes of all the entries read */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

const MB = (n: number) => Math.round(n / 1024 / 1024);

/** How the file is named in messages, and the error for a broken one. */
export interface ZipKind {
  /** "Tệp Excel" */
  label: string;
  /** "Excel" */
  labelEn: string;
  broken: () => AppError;
}

export function tooLarge(kind: ZipKind, what: string, limit: number): AppError {
  return new AppError(
    413,
    'UNZIPPED_TOO_LARGE',
    `${kind.label} khi giải nén quá lớn: phần "${what}" vượt quá ${MB(limit)} MB (giới hạn của hệ thống).`,
    `The ${kind.labelEn} file is too large once unzipped: "${what}" exceeds ${MB(limit)} MB.`,
    { entry: what, limitBytes: limit },
  );
}

export interface ZipReader {
  /** names of the entries, as in the central directory */
  names(): string[];
  has(name: string): boolean;
  /** one entry's bytes, or null when there is no such entry */
  read(name: string): Promise<Buffer | null>;
}

export async function openZip(buf: Buffer, kind: ZipKind, limits: ZipLimits = ZIP_LIMITS): Promise<ZipReader> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch {
    throw kind.broken();
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError(
      413,
      'ZIP_TOO_MANY_ENTRIES',
      `${kind.label} có quá nhiều thành phần (${zip.entryCount.toLocaleString('vi-VN')}; tối đa ${limits.maxEntries.toLocaleString('vi-VN')}).`,
      `The ${kind.labelEn} file has too many parts (${zip.entryCount}; at most ${limits.maxEntries}).`,
      { entries: zip.entryCount, limit: limits.maxEntries },
    );
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const e of zip.eachEntry()) if (!entries.has(e.fileName)) entries.set(e.fileName, e);
  } catch {
    zip.close();
    throw kind.broken();
  }
  let total = 0;
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    async read(name) {
      const e = entries.get(name);
      if (!e) return null;
      const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
      if (e.uncompressedSize > limits.maxEntryBytes) throw tooLarge(kind, name, limits.maxEntryBytes);
      if (e.uncompressedSize > cap) throw tooLarge(kind, name, limits.maxTotalBytes);
      if (!e.canDecodeFileData() || (e.compressionMethod !== 0 && e.compressionMethod !== 8)) throw kind.broken();
      const chunks: Buffer[] = [];
      let n = 0;
      try {
        const stream = await zip.openReadStreamPromise(e);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          n += chunk.length;
          // yauzl already stops an entry that inflates past its declared size; this is the limit itself
          if (n > cap) {
            stream.destroy();
            throw tooLarge(kind, name, cap === limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxTotalBytes);
          }
          chunks.push(chunk);
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw kind.broken();
      }
      total += n;
      return Buffer.concat(chunks, n);
    },
  };
}

/** Whether the bytes start like a zip archive (local file header). */
export const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

export const XLSX_KIND: ZipKind = {
  label: 'Tệp Excel',
  labelEn: 'Excel',
  broken: () => errors.badRequest('BROKEN_XLSX', 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx.', 'The Excel file is broken or not an .xlsx file.'),
};

export const DOCX_KIND: ZipKind = {
  label: 'Tệp Word',
  labelEn: 'Word',
  broken: () => errors.badRequest('BROKEN_DOCX', 'Tệp Word bị hỏng hoặc không đúng định dạng .docx.', 'The Word file is broken or not a .docx file.'),
};
