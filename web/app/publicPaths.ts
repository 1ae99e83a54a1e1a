/**
 * Where the public pages (no login) live: every path under these prefixes is the public entry's
 * (web/public.html); every other page is the staff app's (web/index.html). The server (server/http/static.ts)
 * and the Vite dev server route by the same prefixes; a new public page goes under one of them.
 */
export const PUBLIC_PREFIXES = ['/tra-cuu', '/cong-khai'] as const;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
