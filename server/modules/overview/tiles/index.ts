/** The overview's tiles, in the order the screen shows them. A new figure: a file in this folder and a line here. */
import type { TileDef } from '../types.js';
import { dossiersOnlineRate, dossiersOnTimeRate, dossiersOpenLate, dossiersReceived } from './dossiers.js';
import { feedbackOnTimeRate, feedbackOpenLate } from './feedback.js';
import { index766Tile } from './index766.js';
import { parIndex } from './par.js';
import { planTasksDone, planTasksOverdue } from './plans.js';
import { reportsMissing, reportsSubmitted } from './reports.js';
import { satisfaction } from './satisfaction.js';
import { staffingCivilServantsAssigned, staffingCivilServantsPresent } from './staffing.js';
import { targetsMet, targetsMissed } from './targets.js';

export const TILES: TileDef[] = [
  dossiersOnTimeRate,
  dossiersOnlineRate,
  dossiersReceived,
  dossiersOpenLate,
  index766Tile,
  planTasksDone,
  planTasksOverdue,
  parIndex,
  feedbackOnTimeRate,
  feedbackOpenLate,
  satisfaction,
  targetsMet,
  targetsMissed,
  reportsSubmitted,
  reportsMissing,
  staffingCivilServantsAssigned,
  staffingCivilServantsPresent,
];
