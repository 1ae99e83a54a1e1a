import { describe, expect, it } from 'vitest';
import { dossierLines, index766Lines, legalDocumentLines, planLines, staffingLines, targetLines } from './sentences.js';

describe('report sentences from the figures', () => {
  it('legal documents as seed 000 writes them', () => {
    expect(legalDocumentLines({ total: 30, byKind: { resolution: 11, decision: 19 } }, true)).toEqual(['HĐND, UBND tỉnh ban hành 30 văn bản quy phạm pháp luật (gồm 11 Nghị quyết và 19 Quyết định).']);
  });

  it('staffing as seed 000 writes it, with the rate as the unit reported it', () => {
    const lines = staffingLines({
      year: 2023,
      civilServants: { assigned: 2273, present: 2135, gap: 138, reductionRate: 17.72, rateBasis: 'reported' },
      publicEmployees: { assigned: 25424, present: 23631, gap: 1793, reductionRate: 20.04, rateBasis: 'base2015' },
      schemes: 34,
      recruited: 43,
    });
    expect(lines[0]).toBe('Biên chế công chức năm 2023: được giao 2.273 biên chế, có mặt 2.135, thấp hơn số được giao 138 biên chế. Tỷ lệ giảm so với năm 2015 là 17,72 % (theo báo cáo của đơn vị).');
    expect(lines[1]).toBe('Số lượng người làm việc (viên chức) năm 2023: được giao 25.424 người, có mặt 23.631, thấp hơn số được giao 1.793 người. Tỷ lệ giảm so với năm 2015 là 20,04 %.');
    expect(lines[2]).toBe('Đề án vị trí việc làm được phê duyệt trong kỳ: 34 đơn vị; tuyển dụng 43 người.');
  });

  it.each([
    [{ year: 2022, done: 43, total: 43, percent: 100, overdue: 0 }, 'Hoàn thành 43/43 nhiệm vụ trong kế hoạch CCHC năm 2022 (100,00 %).'],
    [{ year: 2026, done: 10, total: 40, percent: 25, overdue: 3 }, 'Hoàn thành 10/40 nhiệm vụ trong kế hoạch CCHC năm 2026 (25,00 %); 3 nhiệm vụ quá hạn.'],
    [{ year: 2027, done: 0, total: 0, percent: null, overdue: 0 }, 'Chưa có nhiệm vụ nào trong kế hoạch CCHC năm 2027.'],
  ])('plan tasks %j', (p, line) => expect(planLines(p)).toEqual([line]));

  it('dossiers, with an empty period giving dashes, not 0 %', () => {
    const empty = { carriedOver: 0, received: 0, receivedOnline: 0, resolved: 0, early: 0, onTime: 0, late: 0, inProgress: 0, inProgressLate: 0, onTimeRate: null, lateRate: null, onlineRate: null };
    expect(dossierLines(empty)[1]).toBe('Đã giải quyết 0 hồ sơ, trong đó trước và đúng hạn 0 hồ sơ (—), quá hạn 0 hồ sơ (—).');
    const r = { ...empty, received: 741145, resolved: 741145, early: 700000, onTime: 40096, late: 1049, onTimeRate: 99.86, lateRate: 0.14 };
    expect(dossierLines(r)[1]).toBe('Đã giải quyết 741.145 hồ sơ, trong đó trước và đúng hạn 740.096 hồ sơ (99,86 %), quá hạn 1.049 hồ sơ (0,14 %).');
  });

  it('the 766 index says when it is incomplete', () => {
    expect(index766Lines({ total: 30.33, maxWithData: 32, complete: false, bandVi: null })).toEqual(['Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg): 30,33/32 điểm ở các tiêu chí có dữ liệu (chưa đủ dữ liệu để xếp loại).']);
  });

  it('targets', () => {
    expect(targetLines({ met: 3, notMet: 1, noData: 2 })).toEqual(['Thực hiện chỉ tiêu: 3/6 đạt, 1 chưa đạt, 2 chưa có số liệu.']);
  });
});
