/**
 * The dictionaries of the staff application: the shared words and one file per capability, and the public
 * pages' words (publicMessages.ts, also the public entry's) first, so that a capability's own file can name
 * a word again without the staff app changing.
 */
import type { Messages } from './i18n';
import * as common from './messages';
import * as commonPublic from './publicMessages';
import * as audit from '../features/audit/messages';
import * as auth from '../features/auth/messages';
import * as calendar from '../features/calendar/messages';
import * as dossiers from '../features/dossiers/messages';
import * as dossiersPublic from '../features/dossiers/publicMessages';
import * as dvcqg from '../features/dvcqg/messages';
import * as feedback from '../features/feedback/messages';
import * as feedbackPublic from '../features/feedback/publicMessages';
import * as home from '../features/home/messages';
import * as indicators from '../features/indicators/messages';
import * as legalDocs from '../features/legalDocs/messages';
import * as org from '../features/org/messages';
import * as overview from '../features/overview/messages';
import * as overviewPublic from '../features/overview/publicMessages';
import * as par from '../features/par/messages';
import * as parPublic from '../features/par/publicMessages';
import * as surveysPublic from '../features/surveys/publicMessages';
import * as surveys from '../features/surveys/messages';
import * as plans from '../features/plans/messages';
import * as procedures from '../features/procedures/messages';
import * as reports from '../features/reports/messages';
import * as staffing from '../features/staffing/messages';
import * as users from '../features/users/messages';

export const STAFF_MESSAGES: Messages[] = [commonPublic, dossiersPublic, parPublic, feedbackPublic, overviewPublic, surveysPublic, common, surveys, audit, auth, calendar, dossiers, dvcqg, feedback, home, indicators, legalDocs, org, overview, par, plans, procedures, reports, staffing, users];
