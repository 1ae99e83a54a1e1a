/**
 * Late corrections: the figures of a finalised report as they were frozen, against the same figures computed
 * today. Every number that changed is listed by its path (e.g. `dossiers.received`), frozen and now.
 */
export interface Difference {
  path: string;
  frozen: number | null;
  now: number | null;
}

function leaves(v: unknown, prefix: string, out: Map<string, number | null>) {
  if (v === null || typeof v === 'number') {
    out.set(prefix, v as number | null);
    return;
  }
  if (typeof v !== 'object' || Array.isArray(v)) return;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
}

export function figureDifferences(frozen: unknown, now: unknown): Difference[] {
  const a = new Map<string, number | null>();
  const b = new Map<string, number | null>();
  leaves(frozen, '', a);
  leaves(now, '', b);
  const out: Difference[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path) ?? null;
    const y = b.get(path) ?? null;
    if (x !== y) out.push({ path, frozen: x, now: y });
  }
  return out.sort((p, q) => p.path.localeCompare(q.path));
}
