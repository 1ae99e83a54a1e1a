/**
 * The records of the national portal's dossier sync (DVCQG, REFERENCE.md §17) as one-stop systems send them:
 * a dossier's snapshot (`DongBoHoSoMC`) and a progress update (`CapNhatTienDoHoSoMC`). Each record is read,
 * checked field by field (every problem a Vietnamese message), and cut down to the fields monitoring needs:
 * whatever identifies a person — the applicant (`ChuHoSo`, `MaDoiTuong`, `Email`, `SoDienThoai`, `Fax`,
 * `ThongTinKhac`), free text that may name people (`TrichYeuHoSo`, `GhiChu`, the contents of a supplement
 * request, the handling officer `NguoiXuLy` and `ChucDanh`), documents and their links — is not kept: the
 * stored record is built from a list of allowed fields, so a field a sender adds is dropped too.
 *
 * Dates are `yyyyMMddHHmmss` in Vietnam time (UTC+7); status codes are the portal's ten (REFERENCE.md §7).
 */
import { nfc } from '../text/normalize.js';

export const SERVICES = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC', 'TraCuuHoSo', 'LayThuTuc'] as const;
export type Service = (typeof SERVICES)[number];

/** The portal's status codes (TrangThaiHoSo), with their Vietnamese names. */
export const STATUS_NAMES: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Đã tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};
export type StatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Fields of a snapshot that are never kept (the README lists them). Everything not allowed is dropped anyway. */
export const PERSONAL_FIELDS = ['ChuHoSo', 'MaDoiTuong', 'Email', 'SoDienThoai', 'Fax', 'ThongTinKhac', 'TrichYeuHoSo', 'GhiChu', 'NguoiXuLy', 'ChucDanh', 'NoiDungXuLy'] as const;

export interface SupplementEntry {
  /** NgayBoSung: when the supplement was asked for */
  requestedAt: Date | null;
  /** NgayTiepNhanBoSung: when it was received */
  receivedAt: Date | null;
  previousAppointment: Date | null;
  /** NgayHenTraMoi: a new appointment */
  newAppointment: Date | null;
}

export interface Fee {
  name: string;
  code: string;
  /** HinhThucThu, as sent */
  method: string;
  /** Gia, in đồng */
  amount: number;
}

/** A dossier as the one-stop system sees it (DongBoHoSoMC). */
export interface DossierSnapshot {
  kind: 'snapshot';
  code: string;
  procedureCode: string;
  procedureName: string;
  fieldCode: string;
  fieldName: string;
  unitName: string;
  status: StatusCode;
  receivedAt: Date | null;
  appointment: Date | null;
  endAt: Date | null;
  returnedAt: Date | null;
  /** KenhThucHien when sent (1 at the counter, 2 online, 3 by post) */
  channel: 'online' | 'counter' | null;
  supplements: SupplementEntry[];
  fees: Fee[];
}

/** A step of the dossier's handling (CapNhatTienDoHoSoMC): its status from an instant. */
export interface ProgressUpdate {
  kind: 'progress';
  code: string;
  status: StatusCode;
  at: Date;
}

export type SyncRecord = DossierSnapshot | ProgressUpdate;

export interface RecordError {
  code: string;
  message: string;
}

export type ReadResult =
  | { ok: true; record: SyncRecord; stored: Record<string, unknown> }
  | { ok: false; code: string; errors: RecordError[]; stored: Record<string, unknown> };

const DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** `yyyyMMddHHmmss` in Vietnam time → the instant; null for an empty value; 'invalid' otherwise. */
export function parsePortalDate(value: unknown): Date | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number') return 'invalid';
  const m = DATE.exec(String(value).trim());
  if (!m) return 'invalid';
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return 'invalid';
  const t = Date.UTC(y, mo - 1, d, h - 7, mi, s);
  // 31/02 rolls over into March: refused
  const back = new Date(t + 7 * 3600_000);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return 'invalid';
  return new Date(t);
}

/** The instant as the portal writes it: `yyyyMMddHHmmss` in Vietnam time. */
export function formatPortalDate(d: Date | null | undefined): string {
  if (!d) return '';
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** "02/03/2026 09:00" in Vietnam time, for messages. */
export function vnDateTime(d: Date): string {
  const s = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
}

export function statusLabel(code: number): string {
  return `${code} (${STATUS_NAMES[code] ?? '?'})`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of a code-like field: strings and numbers accepted (senders write "4" or 4), trimmed. */
function textOf(v: unknown): string | null | 'invalid' {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return 'invalid';
  const s = nfc(v);
  return s === '' ? null : s;
}

class Reader {
  readonly errors: RecordError[] = [];
  readonly stored: Record<string, unknown> = {};
  constructor(private readonly raw: Record<string, unknown>) {}

  /** A short text field, kept as sent (after NFC). */
  text(field: string, opts: { required?: boolean; max?: number; into?: Record<string, unknown>; from?: Record<string, unknown> } = {}): string {
    const src = opts.from ?? this.raw;
    const into = opts.into ?? this.stored;
    const v = textOf(src[field]);
    if (v === 'invalid' || (v !== null && v.length > (opts.max ?? 300))) {
      this.errors.push({ code: 'INVALID_FIELD', message: `${field} không hợp lệ (cần một chuỗi ký tự, tối đa ${opts.max ?? 300} ký tự).` });
      return '';
    }
    if (v === null) {
      if (opts.required) this.errors.push({ code: 'MISSING_FIELD', message: `Thiếu ${field}.` });
      return '';
    }
    into[field] = v;
    return v;
  }

  date(field: string, opts: { required?: boolean; into?: Record<string, unknown>; from?: Record<string, unknown>; label?: string } = {}): Date | null {
    const src = opts.from ?? this.raw;
    const into = opts.into ?? this.stored;
    const v = parsePortalDate(src[field]);
    const name = opts.label ?? field;
    if (v === 'invalid') {
      const shown = typeof src[field] === 'string' || typeof src[field] === 'number' ? ` "${String(src[field]).slice(0, 40)}"` : '';
      this.errors.push({ code: 'INVALID_DATE', message: `${name}${shown} không đúng dạng yyyyMMddHHmmss (giờ Việt Nam), ví dụ 20260302090000.` });
      return null;
    }
    if (v === null) {
      if (opts.required) this.errors.push({ code: 'MISSING_FIELD', message: `Thiếu ${name}.` });
      return null;
    }
    into[field] = formatPortalDate(v);
    return v;
  }

  status(field: string): StatusCode | null {
    const v = textOf(this.raw[field]);
    if (v === null) {
      this.errors.push({ code: 'MISSING_FIELD', message: `Thiếu ${field}.` });
      return null;
    }
    const n = v === 'invalid' ? NaN : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 10) {
      this.errors.push({ code: 'INVALID_STATUS', message: `${field}${v === 'invalid' ? '' : ` "${v.slice(0, 20)}"`} không phải mã trạng thái của Cổng DVCQG (1 đến 10).` });
      return null;
    }
    this.stored[field] = String(n);
    return n as StatusCode;
  }

  list(field: string): Record<string, unknown>[] {
    const v = this.raw[field];
    if (v === null || v === undefined || v === '') return [];
    if (!Array.isArray(v) || !v.every(isRecord)) {
      this.errors.push({ code: 'INVALID_FIELD', message: `${field} phải là một danh sách các đối tượng.` });
      return [];
    }
    if (v.length > 100) {
      this.errors.push({ code: 'INVALID_FIELD', message: `${field} có quá nhiều mục (tối đa 100).` });
      return [];
    }
    return v;
  }
}

function readSnapshot(raw: Record<string, unknown>): ReadResult {
  const r = new Reader(raw);
  const code = r.text('MaHoSo', { required: true, max: 100 });
  const procedureCode = r.text('MaTTHC', { required: true, max: 100 });
  const procedureName = r.text('TenTTHC', { max: 1000 });
  const fieldCode = r.text('MaLinhVuc', { max: 100 });
  const fieldName = r.text('TenLinhVuc', { max: 500 });
  r.text('LoaiDoiTuong', { max: 10 });
  const receivedAt = r.date('NgayTiepNhan');
  const appointment = r.date('NgayHenTra');
  const status = r.status('TrangThaiHoSo');
  const returnedAt = r.date('NgayTra');
  r.text('HinhThuc', { max: 10 });
  const endAt = r.date('NgayKetThucXuLy');
  const unitName = r.text('DonViXuLy', { max: 500 });
  const channelText = r.text('KenhThucHien', { max: 10 });
  let channel: DossierSnapshot['channel'] = null;
  if (channelText) {
    if (channelText === '2') channel = 'online';
    else if (channelText === '1' || channelText === '3') channel = 'counter';
    else r.errors.push({ code: 'INVALID_FIELD', message: `KenhThucHien "${channelText.slice(0, 10)}" không hợp lệ (1 trực tiếp, 2 trực tuyến, 3 qua bưu chính).` });
  }
  const fees: Fee[] = [];
  const storedFees: Record<string, unknown>[] = [];
  r.list('DanhSachLePhi').forEach((f, i) => {
    const into: Record<string, unknown> = {};
    const label = `DanhSachLePhi[${i + 1}]`;
    const before = r.errors.length;
    const name = r.text('TenPhiLePhi', { from: f, into, max: 500 });
    const feeCode = r.text('MaPhiLePhi', { from: f, into, max: 100 });
    const method = r.text('HinhThucThu', { from: f, into, max: 100 });
    r.text('LoaiPhiLePhi', { from: f, into, max: 100 });
    const price = f.Gia;
    const amount = typeof price === 'number' ? price : typeof price === 'string' && price.trim() !== '' ? Number(price.trim().replace(/[.,](?=\d{3}\b)/g, '')) : 0;
    if (!Number.isFinite(amount) || amount < 0) r.errors.push({ code: 'INVALID_FIELD', message: `${label}: Gia "${String(price).slice(0, 20)}" không phải một số tiền hợp lệ.` });
    else into.Gia = amount;
    for (let k = before; k < r.errors.length; k++) if (!r.errors[k].message.startsWith(label)) r.errors[k].message = `${label}: ${r.errors[k].message}`;
    fees.push({ name, code: feeCode, method, amount: Number.isFinite(amount) ? amount : 0 });
    storedFees.push(into);
  });
  if (storedFees.length) r.stored.DanhSachLePhi = storedFees;
  const supplements: SupplementEntry[] = [];
  const storedSupplements: Record<string, unknown>[] = [];
  r.list('DanhSachHoSoBoSung').forEach((e, i) => {
    const into: Record<string, unknown> = {};
    const label = `DanhSachHoSoBoSung[${i + 1}]`;
    r.text('HoSoBoSungId', { from: e, into, max: 100 });
    r.text('TrangThaiBoSung', { from: e, into, max: 50 });
    const entry: SupplementEntry = {
      requestedAt: r.date('NgayBoSung', { from: e, into, label: `${label}.NgayBoSung` }),
      receivedAt: r.date('NgayTiepNhanBoSung', { from: e, into, label: `${label}.NgayTiepNhanBoSung` }),
      previousAppointment: r.date('NgayHenTraTruoc', { from: e, into, label: `${label}.NgayHenTraTruoc` }),
      newAppointment: r.date('NgayHenTraMoi', { from: e, into, label: `${label}.NgayHenTraMoi` }),
    };
    if (entry.receivedAt && !entry.requestedAt) r.errors.push({ code: 'MISSING_FIELD', message: `${label}: có NgayTiepNhanBoSung nhưng thiếu NgayBoSung.` });
    if (entry.receivedAt && entry.requestedAt && entry.receivedAt < entry.requestedAt) r.errors.push({ code: 'INVALID_DATE', message: `${label}: NgayTiepNhanBoSung sớm hơn NgayBoSung.` });
    supplements.push(entry);
    storedSupplements.push(into);
  });
  if (storedSupplements.length) r.stored.DanhSachHoSoBoSung = storedSupplements;
  if (receivedAt && appointment && appointment < receivedAt) r.errors.push({ code: 'INVALID_DATE', message: 'NgayHenTra sớm hơn NgayTiepNhan.' });
  if (r.errors.length || status === null) return { ok: false, code, errors: r.errors, stored: r.stored };
  // entries in the order they were asked for; entries without a request date carry nothing this receiver uses
  const dated = supplements.filter((s) => s.requestedAt).sort((a, b) => a.requestedAt!.getTime() - b.requestedAt!.getTime());
  return {
    ok: true,
    stored: r.stored,
    record: { kind: 'snapshot', code, procedureCode, procedureName, fieldCode, fieldName, unitName, status, receivedAt, appointment, endAt, returnedAt, channel, supplements: dated, fees },
  };
}

function readProgress(raw: Record<string, unknown>): ReadResult {
  const r = new Reader(raw);
  const code = r.text('MaHoSo', { required: true, max: 100 });
  const status = r.status('TrangThai');
  const at = r.date('ThoiDiemXuLy', { required: true });
  r.text('PhongBanXuLy', { max: 500 });
  r.date('NgayBatDau');
  r.date('NgayKetThucTheoQuyDinh');
  if (r.errors.length || status === null || !at) return { ok: false, code, errors: r.errors, stored: r.stored };
  return { ok: true, stored: r.stored, record: { kind: 'progress', code, status, at } };
}

/** One record of a `DongBoHoSoMC` or `CapNhatTienDoHoSoMC` message. */
export function readRecord(service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC', raw: unknown): ReadResult {
  if (!isRecord(raw)) return { ok: false, code: '', errors: [{ code: 'INVALID_FIELD', message: 'Mỗi phần tử của data phải là một đối tượng hồ sơ.' }], stored: {} };
  return service === 'DongBoHoSoMC' ? readSnapshot(raw) : readProgress(raw);
}

/** The stored form read back (for replay): the same record the sender's message gave. */
export function recordFromStored(service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC', stored: Record<string, unknown>): ReadResult {
  return readRecord(service, stored);
}
