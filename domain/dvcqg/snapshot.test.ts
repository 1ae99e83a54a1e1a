import { describe, expect, it } from 'vitest';
import { formatPortalDate, parsePortalDate, PERSONAL_FIELDS, readRecord } from './snapshot.js';

const t = (s: string) => new Date(`${s}+07:00`);

describe('portal dates (yyyyMMddHHmmss, Vietnam time)', () => {
  const cases: [unknown, Date | null | 'invalid'][] = [
    ['20260302090000', t('2026-03-02T09:00:00')],
    [20260302090000, t('2026-03-02T09:00:00')],
    ['20260101000000', t('2026-01-01T00:00:00')],
    ['20251231235959', t('2025-12-31T23:59:59')],
    ['', null],
    [null, null],
    [undefined, null],
    ['2026-03-02T09:00:00', 'invalid'],
    ['02/03/2026 09:00:00', 'invalid'],
    ['202603020900', 'invalid'],
    ['20260231090000', 'invalid'],
    ['20261302090000', 'invalid'],
    ['20260302250000', 'invalid'],
    ['20260302096000', 'invalid'],
    [{}, 'invalid'],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(parsePortalDate(input)).toEqual(expected);
  });
  it('formats back in Vietnam time', () => {
    expect(formatPortalDate(t('2026-03-02T09:05:07'))).toBe('20260302090507');
    expect(formatPortalDate(new Date('2026-03-01T20:00:00Z'))).toBe('20260302030000');
  });
});

const SNAPSHOT = {
  MaHoSo: 'H01.001-260302-0001',
  MaTTHC: '1.001612',
  TenTTHC: 'Cấp Phiếu lý lịch tư pháp',
  MaLinhVuc: 'LLTP',
  TenLinhVuc: 'Lý lịch tư pháp',
  ChuHoSo: 'Nguyễn Văn Riêng',
  LoaiDoiTuong: '1',
  MaDoiTuong: '079123456789',
  ThongTinKhac: 'CCCD 079123456789',
  Email: 'rieng@example.vn',
  Fax: '0281234567',
  SoDienThoai: '0912345678',
  TrichYeuHoSo: 'Ông Nguyễn Văn Riêng xin cấp phiếu',
  NgayTiepNhan: '20260302090000',
  NgayHenTra: '20260316090000',
  TrangThaiHoSo: '4',
  NgayTra: '',
  ThongTinTra: 'Nhận tại nhà: 12 Lê Lợi',
  HinhThuc: '0',
  NgayKetThucXuLy: '',
  DonViXuLy: 'Sở Tư pháp',
  GhiChu: 'gọi ông Riêng trước',
  TaiLieuNop: [{ TepDinhKemId: '1', TenTepDinhKem: 'cccd-nguyen-van-rieng.pdf', DuongDanTaiTepTin: 'https://x/y.pdf' }],
  DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp phiếu', MaPhiLePhi: 'LP01', HinhThucThu: 'Trực tuyến', Gia: '200.000', LoaiPhiLePhi: '1' }],
  DanhSachHoSoBoSung: [{ HoSoBoSungId: '7', NguoiYeuCauBoSung: 'Trần Cán Bộ', NoiDungBoSung: 'Ông Riêng bổ sung CCCD', NgayBoSung: '20260303090000', NguoiTiepNhanBoSung: 'Lê Văn Nhận', NgayTiepNhanBoSung: '20260304090000', NgayHenTraTruoc: '20260316090000', NgayHenTraMoi: '' }],
  DanhSachGiayToKetQua: [{ TenGiayTo: 'Phiếu LLTP của Nguyễn Văn Riêng' }],
};

describe('a DongBoHoSoMC record', () => {
  it('is read into a snapshot, and only the fields monitoring needs are kept', () => {
    const r = readRecord('DongBoHoSoMC', SNAPSHOT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({ kind: 'snapshot', code: 'H01.001-260302-0001', procedureCode: '1.001612', status: 4, unitName: 'Sở Tư pháp', receivedAt: t('2026-03-02T09:00:00'), appointment: t('2026-03-16T09:00:00'), endAt: null, channel: null });
    expect(r.record.kind === 'snapshot' && r.record.fees).toEqual([{ name: 'Lệ phí cấp phiếu', code: 'LP01', method: 'Trực tuyến', amount: 200000 }]);
    expect(r.record.kind === 'snapshot' && r.record.supplements).toEqual([{ requestedAt: t('2026-03-03T09:00:00'), receivedAt: t('2026-03-04T09:00:00'), previousAppointment: t('2026-03-16T09:00:00'), newAppointment: null }]);
    const text = JSON.stringify(r.stored);
    for (const f of PERSONAL_FIELDS) expect(r.stored).not.toHaveProperty(f);
    for (const v of ['Riêng', '079123456789', 'rieng@example.vn', '0912345678', '0281234567', 'Lê Lợi', 'Trần Cán Bộ', 'Lê Văn Nhận', 'cccd', 'https://']) expect(text).not.toContain(v);
    expect(Object.keys(r.stored).sort()).toEqual(['DanhSachHoSoBoSung', 'DanhSachLePhi', 'DonViXuLy', 'HinhThuc', 'LoaiDoiTuong', 'MaHoSo', 'MaLinhVuc', 'MaTTHC', 'NgayHenTra', 'NgayTiepNhan', 'TenLinhVuc', 'TenTTHC', 'TrangThaiHoSo']);
  });

  it('reads back the same from what was kept (for replay)', () => {
    const r = readRecord('DongBoHoSoMC', SNAPSHOT);
    const again = readRecord('DongBoHoSoMC', r.stored);
    expect(again).toEqual(r);
  });

  const BAD: [string, Record<string, unknown>, string[]][] = [
    ['a date in another format', { NgayTiepNhan: '2026-03-02 09:00' }, ['INVALID_DATE']],
    ['an impossible date', { NgayHenTra: '20260230090000' }, ['INVALID_DATE']],
    ['no dossier code', { MaHoSo: '' }, ['MISSING_FIELD']],
    ['no procedure code', { MaTTHC: undefined }, ['MISSING_FIELD']],
    ['a status outside 1–10', { TrangThaiHoSo: '11' }, ['INVALID_STATUS']],
    ['a status that is not a number', { TrangThaiHoSo: 'đang xử lý' }, ['INVALID_STATUS']],
    ['no status', { TrangThaiHoSo: '' }, ['MISSING_FIELD']],
    ['an appointment before the receipt', { NgayHenTra: '20260301090000' }, ['INVALID_DATE']],
    ['a fee that is not an amount', { DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: 'miễn' }] }, ['INVALID_FIELD']],
    ['a supplement list that is not a list', { DanhSachHoSoBoSung: 'không' }, ['INVALID_FIELD']],
    ['a supplement received before it was asked for', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260305090000', NgayTiepNhanBoSung: '20260304090000' }] }, ['INVALID_DATE']],
    ['a supplement received with no request date', { DanhSachHoSoBoSung: [{ NgayTiepNhanBoSung: '20260304090000' }] }, ['MISSING_FIELD']],
    ['an unknown channel', { KenhThucHien: '9' }, ['INVALID_FIELD']],
    ['a unit name that is an object', { DonViXuLy: { ten: 'Sở Tư pháp' } }, ['INVALID_FIELD']],
    ['two errors at once', { NgayTiepNhan: 'x', NgayTra: 'y' }, ['INVALID_DATE', 'INVALID_DATE']],
  ];
  it.each(BAD)('%s is refused with a message per problem', (_name, change, codes) => {
    const r = readRecord('DongBoHoSoMC', { ...SNAPSHOT, ...change });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(codes);
    for (const e of r.errors) expect(e.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵéèẻẽẹóòỏõọ]|Thiếu/);
  });

  it('channel from KenhThucHien: 2 online, 1 and 3 (by post) at the counter', () => {
    const channel = (k: string) => {
      const r = readRecord('DongBoHoSoMC', { ...SNAPSHOT, KenhThucHien: k });
      return r.ok && r.record.kind === 'snapshot' ? r.record.channel : 'error';
    };
    expect([channel('1'), channel('2'), channel('3')]).toEqual(['counter', 'online', 'counter']);
  });
});

describe('a CapNhatTienDoHoSoMC record', () => {
  const PROGRESS = { MaHoSo: 'H01', NguoiXuLy: 'Trần Cán Bộ', ChucDanh: 'Chuyên viên', ThoiDiemXuLy: '20260303100000', PhongBanXuLy: 'Phòng Hành chính tư pháp', NoiDungXuLy: 'Chuyển ông Riêng', TrangThai: '5', NgayBatDau: '', NgayKetThucTheoQuyDinh: '' };
  it('is a status from an instant; the officer and the text are not kept', () => {
    const r = readRecord('CapNhatTienDoHoSoMC', PROGRESS);
    expect(r).toMatchObject({ ok: true, record: { kind: 'progress', code: 'H01', status: 5, at: t('2026-03-03T10:00:00') } });
    expect(Object.keys(r.stored).sort()).toEqual(['MaHoSo', 'PhongBanXuLy', 'ThoiDiemXuLy', 'TrangThai']);
  });
  it('needs its instant', () => {
    const r = readRecord('CapNhatTienDoHoSoMC', { ...PROGRESS, ThoiDiemXuLy: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['MISSING_FIELD']);
  });
  it('a record that is not an object', () => {
    expect(readRecord('CapNhatTienDoHoSoMC', 'H01')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_FIELD' }] });
  });
});
