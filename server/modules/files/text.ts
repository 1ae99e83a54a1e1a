/**
 * Text the database cannot keep: the NUL character (PostgreSQL text refuses it) and UTF-16 surrogates
 * standing alone (a JSONB value refuses them; a text column would silently turn them into "�"). Whatever a
 * user sends — a JSON field, a multipart field, a file name, a cell of an uploaded table — is checked with
 * these before it goes anywhere.
 */

/** Index of the first NUL or lone surrogate in `s`, or -1. */
export function invalidCharAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** What is wrong, for messages: "NUL" or "U+D800". */
export function describeInvalidChar(s: string, at: number): string {
  const c = s.charCodeAt(at);
  return c === 0 ? 'NUL (U+0000)' : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface InvalidText {
  /** where it is: "body.fullName", "body.events.3.dossierCode", "query.q" */
  path: string;
  char: string;
}

/**
 * The first string (value or key) in `value` that holds a NUL or a lone surrogate, walking objects and
 * arrays without recursion (a body may be nested a million levels deep).
 */
export function findInvalidText(value: unknown, root: string): InvalidText | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const at = invalidCharAt(v);
      if (at !== -1) return { path, char: describeInvalidChar(v, at) };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i];
        const at = invalidCharAt(k);
        if (at !== -1) return { path: `${path}.${printable(k)}`, char: describeInvalidChar(k, at) };
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/** A key as it can be shown: the bad characters replaced. */
function printable(s: string): string {
  return s.replace(/\0/g, '\\0').replace(/[\ud800-\udfff]/g, '?');
}
