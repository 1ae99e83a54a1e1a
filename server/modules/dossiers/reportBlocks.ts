/** The one-stop part of the periodic report: dossiers handled, the 766 index, online services; dossiers by unit. */
import { index766Lines, dossierLines, onlineServiceLines } from '../../../domain/reports/sentences.js';
import { formatPercentVi } from '../../../domain/numbers/rate.js';
import { linkQuery } from '../indicators/registry.js';
import { registerReportBlock } from '../reports/blocks.js';
import { groupedReport, index766, onlineServices, oneStopReport } from './stats.js';

registerReportBlock({
  key: 'dossiers',
  title: 'Giải quyết hồ sơ thủ tục hành chính',
  async compute({ db, scope, w }) {
    const r = await oneStopReport(db, scope, w.from, w.to, w.at);
    const list = (category: string) => `/dossiers/list?${linkQuery(scope, w, { category })}`;
    const [received, resolved, open] = dossierLines(r);
    const byUnit = await groupedReport(db, scope, w.from, w.to, 'unit', w.at);
    return {
      figures: { received: r.received, receivedOnline: r.receivedOnline, carriedOver: r.carriedOver, resolved: r.resolved, onTime: r.early + r.onTime, late: r.late, inProgress: r.inProgress, inProgressLate: r.inProgressLate, onTimeRate: r.onTimeRate, lateRate: r.lateRate, onlineRate: r.onlineRate },
      lines: [
        { text: received, link: list('received') },
        { text: resolved, link: list('resolved') },
        { text: open, link: list('in_progress') },
      ],
      appendix: {
        title: 'Tình hình giải quyết hồ sơ thủ tục hành chính theo đơn vị',
        headers: ['TT', 'Đơn vị', 'Tiếp nhận', 'Trực tuyến', 'Đã giải quyết', 'Trước và đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn', 'Đang giải quyết', 'Đang quá hạn'],
        widths: [4, 28, 9, 9, 9, 9, 8, 9, 9, 8],
        rows: byUnit.map((u, i) => [i + 1, u.name, u.received, u.receivedOnline, u.resolved, u.early + u.onTime, u.late, formatPercentVi(u.onTimeRate), u.inProgress, u.inProgressLate]),
      },
    };
  },
});

registerReportBlock({
  key: 'index766',
  title: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
  async compute({ db, scope, w, now }) {
    const x = await index766(db, scope, { key: w.key ?? '', kind: 'year', from: w.from, to: w.periodTo }, now);
    const BAND: Record<string, string> = { excellent: 'xuất sắc', good: 'tốt', fair: 'khá', average: 'trung bình', weak: 'yếu' };
    return {
      figures: { total: x.total, maxWithData: x.maxWithData, complete: x.complete ? 1 : 0 },
      lines: index766Lines({ total: x.total, maxWithData: x.maxWithData, complete: x.complete, bandVi: x.band ? (BAND[x.band] ?? x.band) : null }).map((text) => ({ text, link: `/index766?${new URLSearchParams({ ...(scope.unit ? { unit: String(scope.unit.id) } : {}), period: String(w.year) })}` })),
    };
  },
});

registerReportBlock({
  key: 'onlineServices',
  title: 'Dịch vụ công trực tuyến',
  async compute({ db, scope, w }) {
    const s = await onlineServices(db, scope, w.from, w.to);
    const r = await oneStopReport(db, scope, w.from, w.to, w.at);
    const rate = s.online ? Math.round((s.onlineWithDossiers * 10000) / s.online) / 100 : null;
    return {
      figures: { online: s.online, withDossiers: s.onlineWithDossiers, rate, dossiersOnlineRate: r.onlineRate },
      lines: onlineServiceLines({ online: s.online, withDossiers: s.onlineWithDossiers, rate, dossiersOnlineRate: r.onlineRate }).map((text) => ({ text, link: `/dossiers/list?${linkQuery(scope, w, { category: 'received' })}` })),
    };
  },
});
