/**
 * The version of what the public pages show that changes only when staff publish or edit it: the published
 * PAR rounds and rankings (a publication; the organisation's names in them), the procedures list (an import,
 * a publicity change, a national code). Each of those write paths touches it in its transaction; the public
 * routes keep their answers in memory under it (server/http/publicCache.ts).
 */
import { VersionToken } from '../../db/versioned.js';

export const publicVersion = new VersionToken('public_version');
