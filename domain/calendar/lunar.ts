/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy at UTC+7.
 *
 * A lunar month starts on the local day of a new moon. Month 11 is the month that contains the winter
 * solstice. When there are 13 new moons between two months 11, the leap month is the first month with no
 * major solar term (trung khí: the sun entering a multiple of 30° of longitude). Because the time zone is
 * UTC+7, dates can differ from the Chinese calendar (UTC+8), e.g. Tết 1985 and 2007.
 *
 * New moons and the sun's longitude use the low-precision series of J. Meeus, "Astronomical Algorithms"
 * (chapters 25 and 49), which is accurate to minutes for the years this system handles (1900–2100).
 */
import { addDays, type IsoDate } from '../org/dates.js';

const TZ = 7; // hours east of UTC
const SYNODIC_MONTH = 29.530588853;
const RAD = Math.PI / 180;

/** Julian day number at noon of a Gregorian date. */
export function julianDay(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}

export function dateOfJulianDay(jd: number): IsoDate {
  return addDays('2000-01-01', jd - 2451545);
}

/** The instant (Julian ephemeris day) of the k-th new moon counted from the one of 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * RAD; // sun's mean anomaly
  const Mm = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * RAD; // moon's mean anomaly
  const F = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * RAD; // moon's argument of latitude
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M) +
    0.0021 * Math.sin(2 * M) -
    0.4068 * Math.sin(Mm) +
    0.0161 * Math.sin(2 * Mm) -
    0.0004 * Math.sin(3 * Mm) +
    0.0104 * Math.sin(2 * F) -
    0.0051 * Math.sin(M + Mm) -
    0.0074 * Math.sin(M - Mm) +
    0.0004 * Math.sin(2 * F + M) -
    0.0004 * Math.sin(2 * F - M) -
    0.0006 * Math.sin(2 * F + Mm) +
    0.001 * Math.sin(2 * F - Mm) +
    0.0005 * Math.sin(M + 2 * Mm);
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + correction - deltaT;
}

/** The local (UTC+7) Julian day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TZ / 24);
}

/** The sun's apparent longitude, radians in [0, 2π), at Julian day `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * RAD;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const C = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M) + (0.019993 - 0.000101 * T) * Math.sin(2 * M) + 0.00029 * Math.sin(3 * M);
  const L = (L0 + C) * RAD;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Which 30° sector (0–11) the sun is in at the start of local day `dayNumber`. */
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TZ / 24) / Math.PI) * 6);
}

/** The local day on which lunar month 11 of Gregorian year `y` begins (the month with the winter solstice). */
function month11(y: number): number {
  const off = julianDay(`${y}-12-31`) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm; // sector 9 is 270°, the winter solstice
}

/** Index (1-based, after month 11) of the leap month in the lunar year starting at month 11 `a11`. */
function leapMonthIndex(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export function toLunar(date: IsoDate): LunarDate {
  const dayNumber = julianDay(date);
  const y = Number(date.slice(0, 4));
  const k = Math.floor((dayNumber - 2415021.076998695) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = month11(y);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = y;
    a11 = month11(y - 1);
  } else {
    lunarYear = y + 1;
    b11 = month11(y + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthIndex(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** The Gregorian date of a lunar date, or null if that lunar date does not exist (e.g. a leap month that year lacks). */
export function fromLunar(l: LunarDate): IsoDate | null {
  let a11: number;
  let b11: number;
  if (l.month < 11) {
    a11 = month11(l.year - 1);
    b11 = month11(l.year);
  } else {
    a11 = month11(l.year);
    b11 = month11(l.year + 1);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let off = l.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthIndex(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (l.leap && l.month !== leapMonth) return null;
    if (l.leap || off >= leapOff) off += 1;
  } else if (l.leap) return null;
  const monthStart = newMoonDay(k + off);
  const date = dateOfJulianDay(monthStart + l.day - 1);
  // a day 30 in a 29-day month does not exist
  const back = toLunar(date);
  if (back.month !== l.month || back.day !== l.day || back.leap !== l.leap) return null;
  return date;
}

/** Tết Nguyên đán (1/1 lunar) of lunar year `y`. */
export function tet(y: number): IsoDate {
  return fromLunar({ year: y, month: 1, day: 1, leap: false })!;
}
