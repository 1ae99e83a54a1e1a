/** Staffing of the window's year: civil servants present against those assigned (the staffing page's sums). */
import '../../staffing/reportBlocks.js';
import { type OverviewContext, q } from '../types.js';
import { indicatorTile } from './fromIndicator.js';

const link = (ctx: OverviewContext, unitId: number) => `/staffing?${q({ year: ctx.w.year, unit: unitId })}`;
export const staffingCivilServantsAssigned = indicatorTile('staffingCivilServantsAssigned', 'staffing.civilServantsAssigned', { link, worst: false });
export const staffingCivilServantsPresent = indicatorTile('staffingCivilServantsPresent', 'staffing.civilServantsPresent', { link, worst: false });
