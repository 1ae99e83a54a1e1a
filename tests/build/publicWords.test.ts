/**
 * Every word a public page asks for is in the dictionaries the public entry loads (web/app/publicMessages.ts
 * and the features' publicMessages.ts), so a citizen never sees a key such as "groupsAre". Reads the modules
 * the public entry is built from (dist/web/.vite/modules.json, like bundle.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIST = 'dist/web';

async function publicWords(): Promise<Set<string>> {
  const files = ['web/app/publicMessages.ts', ...readdirSync('web/features').map((f) => `web/features/${f}/publicMessages.ts`).filter((f) => existsSync(f))];
  const keys = new Set<string>();
  for (const f of files) for (const k of Object.keys((await import(`../../${f}`)).vi)) keys.add(k);
  return keys;
}

describe('the public pages speak only words they have', () => {
  it('every t(…) key in a module of the public entry is in a public dictionary', async () => {
    if (!existsSync(`${DIST}/.vite/manifest.json`)) throw new Error('No build to read: run `npm run build` first.');
    const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
    const modulesOf = JSON.parse(readFileSync(`${DIST}/.vite/modules.json`, 'utf8')) as Record<string, string[]>;
    const seen = new Set<string>();
    const walk = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of [...(manifest[k].imports ?? []), ...(manifest[k].dynamicImports ?? [])]) walk(i);
    };
    walk('public.html');
    const sources = [...new Set([...seen].flatMap((k) => modulesOf[manifest[k].file] ?? []))].filter((m) => /^web\/.*\.tsx?$/.test(m));
    expect(sources.length).toBeGreaterThan(3);
    const words = await publicWords();
    const missing: string[] = [];
    for (const m of sources) {
      const text = readFileSync(m, 'utf8');
      for (const [, key] of text.matchAll(/\bt\('([^']+)'\)/g)) if (!words.has(key)) missing.push(`${m}: ${key}`);
      for (const [, prefix] of text.matchAll(/\bt\(`([\w.]+\.)\$\{/g)) if (![...words].some((w) => w.startsWith(prefix))) missing.push(`${m}: ${prefix}*`);
    }
    expect(missing).toEqual([]);
  });
});
