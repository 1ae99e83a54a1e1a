import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../tests/helpers/docx.js';
import { buildOfficialDocx, MARGINS } from './decree30.js';

const MM = 56.7;

describe('documents in the Decree 30/2020 layout', () => {
  it('A4 portrait with the decree’s margins, Times New Roman, the header table, motto, title, body, recipients and signer; appendices landscape', async () => {
    const buf = await buildOfficialDocx({
      parentBody: 'UBND tỉnh Tây Ninh',
      issuingBody: 'Sở Nội vụ',
      symbol: 'BC-SNV',
      place: 'Tây Ninh',
      date: '2026-09-04',
      kind: 'Báo cáo',
      subject: 'Kết quả thực hiện công tác cải cách hành chính Quý III năm 2026',
      body: [
        { kind: 'heading', text: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH' },
        { kind: 'paragraph', text: 'Nội dung thứ nhất.\nNội dung thứ hai.' },
        { kind: 'table', headers: ['Chỉ tiêu', 'Kết quả'], rows: [['Hồ sơ đúng hạn', '99,12 %']] },
      ],
      recipients: ['Bộ Nội vụ', 'TT. Tỉnh ủy', 'Lưu: VT'],
      signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Văn A' },
      appendices: [{ title: 'Phụ lục I', subtitle: 'Tình hình giải quyết hồ sơ', headers: ['TT', 'Đơn vị', 'Tiếp nhận'], rows: [[1, 'Sở Tư pháp', 1234]] }],
    });
    const d = await readDocx(buf);
    expect(d.sections).toHaveLength(2);
    const [main, appendix] = d.sections;
    expect(main).toMatchObject({ orientation: 'portrait', width: 11906, height: 16838 });
    expect(appendix).toMatchObject({ orientation: 'landscape', width: 16838, height: 11906 });
    for (const s of d.sections) {
      expect(s.margins.top / MM).toBeGreaterThanOrEqual(20);
      expect(s.margins.top / MM).toBeLessThanOrEqual(25);
      expect(s.margins.bottom / MM).toBeGreaterThanOrEqual(20);
      expect(s.margins.bottom / MM).toBeLessThanOrEqual(25);
      expect(s.margins.left / MM).toBeGreaterThanOrEqual(30);
      expect(s.margins.left / MM).toBeLessThanOrEqual(35);
      expect(s.margins.right / MM).toBeGreaterThanOrEqual(15);
      expect(s.margins.right / MM).toBeLessThanOrEqual(20);
      expect(s.margins).toEqual(MARGINS);
    }
    expect([...d.fonts]).toEqual(['Times New Roman']);
    expect(d.sizes.has(14)).toBe(true);
    const lines = d.paragraphs;
    const i = (s: string) => lines.findIndex((l) => l === s);
    // header table: the parent body, the issuer and the number on the left; the motto, the place and date on the right
    expect(i('UBND TỈNH TÂY NINH')).toBeGreaterThanOrEqual(0);
    expect(i('SỞ NỘI VỤ')).toBe(i('UBND TỈNH TÂY NINH') + 1);
    expect(lines).toContain('Số: …/BC-SNV');
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(i('Độc lập - Tự do - Hạnh phúc')).toBe(i('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + 1);
    expect(lines).toContain('Tây Ninh, ngày 04 tháng 9 năm 2026');
    expect(i('BÁO CÁO')).toBeGreaterThan(i('Tây Ninh, ngày 04 tháng 9 năm 2026'));
    expect(lines[i('BÁO CÁO') + 1]).toBe('Kết quả thực hiện công tác cải cách hành chính Quý III năm 2026');
    expect(lines).toContain('Nội dung thứ hai.');
    expect(lines).toContain('Nơi nhận:');
    expect(lines).toContain('- Lưu: VT.');
    expect(lines).toContain('KT. GIÁM ĐỐC');
    expect(lines).toContain('PHÓ GIÁM ĐỐC');
    expect(lines).toContain('Nguyễn Văn A');
    expect(lines).toContain('PHỤ LỤC I');
    // the header is a table of two cells without borders
    expect(d.xml.indexOf('<w:tbl>')).toBeLessThan(d.xml.indexOf('CỘNG HÒA'));
  });

  it.each([
    ['2026-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2026'],
    ['2026-02-28', 'Hà Nội, ngày 28 tháng 02 năm 2026'],
    ['2026-12-14', 'Hà Nội, ngày 14 tháng 12 năm 2026'],
    [null, 'Hà Nội, ngày … tháng … năm …'],
  ])('a date %s is written %s', async (date, line) => {
    const d = await readDocx(await buildOfficialDocx({ issuingBody: 'UBND tỉnh', symbol: 'BC-UBND', place: 'Hà Nội', date, kind: 'Báo cáo', body: [] }));
    expect(d.paragraphs).toContain(line);
  });
});
