/**
 * The one-stop report counted the slow, obvious way: every dossier's events replayed up to the end of the
 * period and judged there by the domain's outcome rule. The statistics kept from daily counters must agree
 * with it.
 */
import { addDays, type IsoDate } from '../../domain/org/dates.js';
import { type Context, type DossierEvent, outcome, replay } from '../../domain/dossiers/lifecycle.js';

const startOf = (d: IsoDate) => new Date(`${d}T00:00:00+07:00`);

export function bruteForceReport(dossiers: { events: DossierEvent[]; ctx: Context }[], from: IsoDate, to: IsoDate) {
  const c = { carriedOver: 0, received: 0, receivedOnline: 0, receivedCounter: 0, resolved: 0, early: 0, onTime: 0, late: 0, refused: 0, refusedLate: 0, withdrawn: 0, notAccepted: 0, inProgress: 0, inProgressOnTime: 0, inProgressLate: 0 };
  const begin = startOf(from);
  const ref = startOf(addDays(to, 1));
  const inPeriod = (d: Date | null) => !!d && d >= begin && d < ref;
  for (const { events, ctx } of dossiers) {
    const before = events.filter((e) => e.at < begin);
    const upTo = events.filter((e) => e.at < ref);
    if (before.length) {
      const s = replay(before, ctx);
      if (s.receivedAt && !s.endAt) c.carriedOver += 1;
    }
    if (!upTo.length) continue;
    const s = replay(upTo, ctx);
    if (!s.receivedAt) {
      if (s.status === 'refused' && inPeriod(s.endAt)) c.notAccepted += 1;
      continue;
    }
    if (inPeriod(s.receivedAt)) {
      c.received += 1;
      if (s.channel === 'online') c.receivedOnline += 1;
      else c.receivedCounter += 1;
    }
    if (!s.endAt) {
      c.inProgress += 1;
      if (outcome(s, ref, ctx.calendar).outcome === 'in_progress_late') c.inProgressLate += 1;
      else c.inProgressOnTime += 1;
      continue;
    }
    if (!inPeriod(s.endAt)) continue;
    const o = outcome(s, s.endAt, ctx.calendar).outcome;
    if (s.status === 'withdrawn') c.withdrawn += 1;
    else if (s.status === 'refused') {
      c.refused += 1;
      if (o === 'late') c.refusedLate += 1;
    } else {
      c.resolved += 1;
      if (o === 'early') c.early += 1;
      else if (o === 'on_time') c.onTime += 1;
      else c.late += 1;
    }
  }
  return c;
}

