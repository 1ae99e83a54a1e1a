/**
 * A recorded conversation, built from REFERENCE.md §17 as an OpenCPS-type system sends it: after each action
 * on a dossier, a `DongBoHoSoMC` with the whole dossier, then a `CapNhatTienDoHoSoMC` with the step and its
 * instant. Five dossiers of March 2026 at Sở Tư pháp, procedure 1.001612 (national code):
 *   A receipt → transfer → supplement → supplement received → processed → returned (online; dated entries)
 *   B the same path without a supplement, late (OpenCPS-style: empty lists, steps dated by the progress)
 *   C refused after receipt
 *   D a supplement, then a new appointment (NgayHenTraMoi beyond the wait): processed before it
 *   E received and transferred, still open
 * and, for each, the events a one-stop system would send to `POST /api/dossiers/events` for the same dossier.
 * Every snapshot carries personal fields with marked values (`PERSONAL_MARKERS`), which must never be stored.
 */

export const PERSONAL_MARKERS = ['Nguyễn Văn Bímật', '079099887766', 'bimat.congdan@example.vn', '0987654321', 'Số 7 đường Kín', 'Trần Thị Cánbộ'];

const person = {
  ChuHoSo: PERSONAL_MARKERS[0],
  LoaiDoiTuong: '1',
  MaDoiTuong: PERSONAL_MARKERS[1],
  ThongTinKhac: `CCCD ${PERSONAL_MARKERS[1]}`,
  Email: PERSONAL_MARKERS[2],
  Fax: PERSONAL_MARKERS[3],
  SoDienThoai: PERSONAL_MARKERS[3],
  TrichYeuHoSo: `${PERSONAL_MARKERS[0]} xin cấp Phiếu lý lịch tư pháp`,
  ThongTinTra: PERSONAL_MARKERS[4],
  GhiChu: `Liên hệ ${PERSONAL_MARKERS[3]}`,
  TaiLieuNop: [{ TepDinhKemId: '1', TenTepDinhKem: `CCCD ${PERSONAL_MARKERS[0]}.pdf`, DuongDanTaiTepTin: 'https://motcua.example.vn/tep/1' }],
  DanhSachGiayToKetQua: [],
};

type Entry = { NgayBoSung?: string; NgayTiepNhanBoSung?: string; NgayHenTraTruoc?: string; NgayHenTraMoi?: string };

interface DossierPlan {
  code: string;
  received: string;
  appointment: string;
  online?: boolean;
  /** [status, ThoiDiemXuLy, changes to the snapshot] in order */
  steps: [number, string, { NgayKetThucXuLy?: string; NgayTra?: string; DanhSachHoSoBoSung?: Entry[] }?][];
  /** the same dossier as the existing event API takes it */
  events: { kind: string; at: string; channel?: string; appointment?: string }[];
}

/** yyyyMMddHHmmss → ISO with +07:00 */
export const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(8, 10)}:${d.slice(10, 12)}:${d.slice(12, 14)}+07:00`;

export const DOSSIERS: DossierPlan[] = [
  {
    code: 'LLTP.2603.A',
    received: '20260302090000',
    appointment: '20260316090000',
    online: true,
    steps: [
      [2, '20260302090000'],
      [4, '20260302100000'],
      [5, '20260304090000', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260304090000', NgayHenTraTruoc: '20260316090000' }] }],
      [4, '20260306090000', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260304090000', NgayTiepNhanBoSung: '20260306090000', NgayHenTraTruoc: '20260316090000', NgayHenTraMoi: '20260318090000' }] }],
      [9, '20260316150000', { NgayKetThucXuLy: '20260316150000' }],
      [10, '20260317100000', { NgayKetThucXuLy: '20260316150000', NgayTra: '20260317100000' }],
    ],
    events: [
      { kind: 'received', at: '20260302090000', channel: 'online', appointment: '20260316090000' },
      { kind: 'transferred', at: '20260302100000' },
      { kind: 'supplement_requested', at: '20260304090000' },
      { kind: 'supplement_received', at: '20260306090000' },
      { kind: 'processed', at: '20260316150000' },
      { kind: 'result_returned', at: '20260317100000' },
    ],
  },
  {
    code: 'LLTP.2603.B',
    received: '20260302140000',
    appointment: '20260316140000',
    steps: [
      [2, '20260302140000'],
      [4, '20260303080000'],
      [9, '20260318100000', { NgayKetThucXuLy: '20260318100000' }],
      [10, '20260319090000', { NgayKetThucXuLy: '20260318100000', NgayTra: '20260319090000' }],
    ],
    events: [
      { kind: 'received', at: '20260302140000', channel: 'counter', appointment: '20260316140000' },
      { kind: 'transferred', at: '20260303080000' },
      { kind: 'processed', at: '20260318100000' },
      { kind: 'result_returned', at: '20260319090000' },
    ],
  },
  {
    code: 'LLTP.2603.C',
    received: '20260303090000',
    appointment: '20260317090000',
    steps: [
      [2, '20260303090000'],
      [4, '20260303100000'],
      [3, '20260305160000', { NgayKetThucXuLy: '20260305160000' }],
    ],
    events: [
      { kind: 'received', at: '20260303090000', channel: 'counter', appointment: '20260317090000' },
      { kind: 'transferred', at: '20260303100000' },
      { kind: 'refused', at: '20260305160000' },
    ],
  },
  {
    code: 'LLTP.2603.D',
    received: '20260303140000',
    appointment: '20260317140000',
    steps: [
      [2, '20260303140000'],
      [4, '20260304080000'],
      [5, '20260316090000', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260316090000', NgayHenTraTruoc: '20260317140000' }] }],
      [4, '20260317090000', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260316090000', NgayTiepNhanBoSung: '20260317090000', NgayHenTraTruoc: '20260317140000', NgayHenTraMoi: '20260324140000' }] }],
      [9, '20260323100000', { NgayKetThucXuLy: '20260323100000' }],
      [10, '20260323150000', { NgayKetThucXuLy: '20260323100000', NgayTra: '20260323150000' }],
    ],
    events: [
      { kind: 'received', at: '20260303140000', channel: 'counter', appointment: '20260317140000' },
      { kind: 'transferred', at: '20260304080000' },
      { kind: 'supplement_requested', at: '20260316090000' },
      { kind: 'supplement_received', at: '20260317090000' },
      { kind: 'apology', at: '20260317090000', appointment: '20260324140000' },
      { kind: 'processed', at: '20260323100000' },
      { kind: 'result_returned', at: '20260323150000' },
    ],
  },
  {
    code: 'LLTP.2603.E',
    received: '20260325090000',
    appointment: '20260408090000',
    steps: [
      [2, '20260325090000'],
      [4, '20260325100000'],
    ],
    events: [
      { kind: 'received', at: '20260325090000', channel: 'counter', appointment: '20260408090000' },
      { kind: 'transferred', at: '20260325100000' },
    ],
  },
];

export const NATIONAL_CODE = '1.001612';
export const UNIT_NAME = 'Sở Tư pháp';

/** The snapshot of a dossier after its step `i`. */
export function snapshotOf(d: DossierPlan, i: number, unitName = UNIT_NAME, code = d.code) {
  const [status, , changes] = d.steps[i];
  let entries: Entry[] = [];
  let end = '';
  let ret = '';
  for (const [, , c] of d.steps.slice(0, i + 1)) {
    if (c?.DanhSachHoSoBoSung) entries = c.DanhSachHoSoBoSung;
    if (c?.NgayKetThucXuLy) end = c.NgayKetThucXuLy;
    if (c?.NgayTra) ret = c.NgayTra;
  }
  void changes;
  return {
    MaHoSo: code,
    MaTTHC: NATIONAL_CODE,
    TenTTHC: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    MaLinhVuc: 'G09-TP12',
    TenLinhVuc: 'Lý lịch tư pháp',
    ...person,
    NgayTiepNhan: d.received,
    NgayHenTra: d.appointment,
    TrangThaiHoSo: String(status),
    NgayTra: ret,
    HinhThuc: '0',
    NgayKetThucXuLy: end,
    DonViXuLy: unitName,
    ...(d.online ? { KenhThucHien: '2' } : {}),
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp Phiếu lý lịch tư pháp', MaPhiLePhi: 'LPLLTP', HinhThucThu: 'Trực tuyến', Gia: '200000', LoaiPhiLePhi: '1' }],
    DanhSachTepDinhKemKhac: [],
    DanhSachHoSoBoSung: entries.map((e, k) => ({ HoSoBoSungId: String(k + 1), NguoiYeuCauBoSung: PERSONAL_MARKERS[5], NoiDungBoSung: `Đề nghị ${PERSONAL_MARKERS[0]} bổ sung`, NguoiTiepNhanBoSung: PERSONAL_MARKERS[5], ThongTinTiepNhan: '', TrangThaiBoSung: e.NgayTiepNhanBoSung ? '2' : '1', DanhSachGiayToBoSung: [], DanhSachLePhiBoSung: [], NgayBoSung: '', NgayTiepNhanBoSung: '', NgayHenTraTruoc: '', NgayHenTraMoi: '', ...e })),
    DanhSachGiayToKetQua: [],
  };
}

export function progressOf(d: DossierPlan, i: number, code = d.code) {
  const [status, at] = d.steps[i];
  return { MaHoSo: code, NguoiXuLy: PERSONAL_MARKERS[5], ChucDanh: 'Chuyên viên', ThoiDiemXuLy: at, PhongBanXuLy: 'Phòng Hành chính tư pháp', NoiDungXuLy: `Xử lý hồ sơ của ${PERSONAL_MARKERS[0]}`, TrangThai: String(status), NgayBatDau: '', NgayKetThucTheoQuyDinh: '' };
}

/** The messages in the order they are sent: dossier by dossier interleaved by time, each step a snapshot then its progress. */
export function conversation(unitName = UNIT_NAME, codeOf = (c: string) => c) {
  const steps = DOSSIERS.flatMap((d) => d.steps.map((s, i) => ({ d, i, at: s[1] }))).sort((a, b) => a.at.localeCompare(b.at));
  return steps.flatMap(({ d, i }) => [
    { service: 'DongBoHoSoMC' as const, isUpdating: i === 0 ? 'False' : 'True', data: [snapshotOf(d, i, unitName, codeOf(d.code))] },
    { service: 'CapNhatTienDoHoSoMC' as const, data: [progressOf(d, i, codeOf(d.code))] },
  ]);
}

/** The same dossiers for the event API. */
export function eventBatch(sourceSystem: string, unitCode: string, procedureCode: string, codeOf = (c: string) => `${c}-EV`) {
  return DOSSIERS.flatMap((d) =>
    d.events.map((e, i) => ({
      sourceSystem,
      dossierCode: codeOf(d.code),
      ...(i === 0 ? { procedureCode, unitCode } : {}),
      kind: e.kind,
      at: iso(e.at),
      ...(e.channel ? { channel: e.channel } : {}),
      ...(e.appointment ? { appointment: iso(e.appointment) } : {}),
    })),
  );
}
