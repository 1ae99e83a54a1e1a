import { describe, expect, it } from 'vitest';
import { parseTargets } from './targets.js';

describe('target lines', () => {
  it.each([
    ['Có trên 90% sự hài lòng của cá nhân, tổ chức', [['>', 90, 'sự hài lòng của cá nhân']]],
    ['Toàn tỉnh có trên 45% dịch vụ công được cung cấp trực tuyến ở mức độ 3 và có trên 10% ở mức độ 4.', [['>', 45, 'dịch vụ công được cung cấp trực tuyến ở mức độ 3'], ['>', 10, 'ở mức độ 4']]],
    ['Trên 98% hồ sơ giải quyết đúng hạn', [['>', 98, 'hồ sơ giải quyết đúng hạn']]],
    ['Có 100% văn bản quy phạm pháp luật ban hành đúng thẩm quyền', [['>=', 100, 'văn bản quy phạm pháp luật ban hành đúng thẩm quyền']]],
    ['90% văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử', [['>=', 90, 'văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử']]],
    ['Tỷ lệ hồ sơ trễ hạn dưới 2%', [['<', 2, '']]],
    ['Tỷ lệ hồ sơ trễ hạn không quá 1,5%', [['<=', 1.5, '']]],
    ['> 45 % dịch vụ công trực tuyến', [['>', 45, 'dịch vụ công trực tuyến']]],
    ['≥ 80% hồ sơ được số hóa', [['>=', 80, 'hồ sơ được số hóa']]],
    ['Từ 60% trở lên hồ sơ nộp trực tuyến', [['>=', 60, 'hồ sơ nộp trực tuyến']]],
    ['Hoàn thành sắp xếp tổ chức bộ máy', []],
  ] as [string, [string, number, string][]][])('%s', (line, expected) => {
    expect(parseTargets(line).map((t) => [t.comparator, t.value, t.subject])).toEqual(expected);
  });
});
