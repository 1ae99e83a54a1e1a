/**
 * Reads the build (`vite build` first: `npm test` and `npm run test:unit` do it) to check what the public
 * entry (web/public.html → web/publicMain.tsx) makes a citizen's phone download: from Vite's manifest the
 * chunks it imports statically, from .vite/modules.json (vite.config.ts) the modules inside them. No staff-app
 * module and no ECharts may be among them; every Mantine component in them has its styles (web/publicStyles.ts).
 * Prints the compressed size of what the public entry and the staff entry load at once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const DIST = 'dist/web';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

let manifest: Record<string, Chunk>;
let modulesOf: Record<string, string[]>;

beforeAll(() => {
  if (!existsSync(`${DIST}/.vite/manifest.json`) || !existsSync(`${DIST}/.vite/modules.json`)) {
    throw new Error('No build to read: run `npm run build` first (npm test and npm run test:unit do).');
  }
  manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8'));
  modulesOf = JSON.parse(readFileSync(`${DIST}/.vite/modules.json`, 'utf8'));
});

/** The manifest keys an entry loads at once: itself and its static imports, transitively (not dynamic ones). */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`${key} is not in the manifest`);
    seen.add(key);
    for (const k of manifest[key].imports ?? []) walk(k);
  };
  walk(entry);
  return [...seen];
}

/** What the public entry can ever load: its static graph and the chunks of its lazy pages (with theirs). */
function publicGraph(): string[] {
  const seen = new Set<string>();
  const todo = ['public.html'];
  while (todo.length) {
    for (const k of staticGraph(todo.pop()!)) {
      if (seen.has(k)) continue;
      seen.add(k);
      todo.push(...(manifest[k].dynamicImports ?? []).filter((d) => !seen.has(d)));
    }
  }
  return [...seen];
}

const modulesIn = (keys: string[]) => keys.flatMap((k) => modulesOf[manifest[k].file] ?? []);
const isEcharts = (m: string) => /node_modules\/(echarts|zrender)\//.test(m);

/** What the staff app is made of and the public pages must not carry. */
function staffOnly(m: string): boolean {
  if (/^web\/(main\.tsx|index\.html)$/.test(m)) return true;
  if (/^web\/app\/(App|Layout|auth|staffMessages|Chart|echarts|NotificationBell|messages)\.tsx?$/.test(m)) return true;
  if (/^web\/features\/[^/]+\/messages\.ts$/.test(m)) return true; // the staff words of a capability
  // the staff pages: every lazy route of the staff app
  return Object.values(manifest).some((c) => c.isDynamicEntry && c.src && `web/${c.src}` === m && !/^features\/[^/]+\/Public/.test(c.src));
}

/**
 * The Mantine components (folders of @mantine/core/esm/components) that these source modules use: the names
 * they import from '@mantine/core', then what those components' files import in turn. The shared vendor
 * chunk also holds components only the staff entry needs, so the chunk alone does not tell.
 */
function mantineComponentsUsedBy(sources: string[]): string[] {
  const esm = 'node_modules/@mantine/core/esm';
  const barrel = readFileSync(`${esm}/index.mjs`, 'utf8');
  const fileOf = new Map<string, string>();
  for (const m of barrel.matchAll(/import \{([^}]+)\} from "\.\/(components\/[^"]+)"/g)) {
    for (const name of m[1].split(',')) fileOf.set(name.trim().split(/\s+as\s+/)[0], `${esm}/${m[2]}`);
  }
  const todo: string[] = [];
  for (const src of sources) {
    for (const m of readFileSync(src, 'utf8').matchAll(/import \{([^}]+)\} from '@mantine\/core'/g)) {
      for (const name of m[1].split(',')) {
        const file = fileOf.get(name.trim().replace(/^type\s+/, ''));
        if (file) todo.push(file);
      }
    }
  }
  const seen = new Set<string>();
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from "(\.[^"]+\.mjs)"/g)) todo.push(join(dirname(file), m[1]));
  }
  const components = [...seen].map((f) => /esm\/components\/([^/]+)\//.exec(f)?.[1]).filter((c): c is string => !!c);
  return [...new Set(components)].sort();
}

/** The files an entry loads at once, JavaScript and styles apart: raw, and as the server sends them. */
function bytes(keys: string[]) {
  const files = [...new Set(keys.flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]))];
  const sum = (ext: string) => {
    const b = { files: 0, raw: 0, gzip: 0, brotli: 0 };
    for (const f of files.filter((x) => x.endsWith(ext))) {
      const data = readFileSync(`${DIST}/${f}`);
      b.files++;
      b.raw += data.length;
      b.gzip += existsSync(`${DIST}/${f}.gz`) ? statSync(`${DIST}/${f}.gz`).size : gzipSync(data).length;
      b.brotli += existsSync(`${DIST}/${f}.br`) ? statSync(`${DIST}/${f}.br`).size : data.length;
    }
    return b;
  };
  return { js: sum('.js'), css: sum('.css') };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('the public entry (built)', () => {
  it('is an entry of its own, apart from the staff app', () => {
    expect(manifest['public.html']?.isEntry).toBe(true);
    expect(manifest['index.html']?.isEntry).toBe(true);
    expect(staticGraph('public.html')).not.toContain('index.html');
    const mods = modulesIn(staticGraph('public.html'));
    // it is the public pages that it carries (else the checks below would pass on nothing); the pages opened
    // from the portal's home are lazy chunks of the public entry
    expect(mods).toContain('web/publicMain.tsx');
    expect(mods).toContain('web/features/dossiers/PublicLookupPage.tsx');
    expect(mods).toContain('web/features/overview/PublicHomePage.tsx');
    const all = modulesIn(publicGraph());
    expect(all).toContain('web/features/par/PublicRankingPage.tsx');
    expect(all).toContain('web/features/procedures/PublicProceduresPage.tsx');
  });

  it('the public home (/cong-khai) loads under 150 KB of compressed JavaScript (brotli, as served; gzip too)', () => {
    const { js } = bytes(staticGraph('public.html'));
    console.log(`public home: ${kb(js.brotli)} brotli, ${kb(js.gzip)} gzip`);
    expect(js.brotli).toBeGreaterThan(0);
    expect(js.brotli).toBeLessThan(150 * 1024);
    expect(js.gzip).toBeLessThan(150 * 1024);
  });

  it('carries no module of the staff app (nor do its lazy pages)', () => {
    const mods = modulesIn(publicGraph());
    // the rule sees the staff app where it is
    expect(modulesIn(staticGraph('index.html')).filter(staffOnly)).toContain('web/app/App.tsx');
    expect(mods.filter(staffOnly)).toEqual([]);
  });

  it('carries no ECharts; the staff app loads it only with a chart', () => {
    const all = Object.values(modulesOf).flat();
    expect(all.some(isEcharts)).toBe(true);
    expect(modulesIn(publicGraph()).filter(isEcharts)).toEqual([]);
    expect(modulesIn(staticGraph('index.html')).filter(isEcharts)).toEqual([]);
  });

  it('has the styles of every Mantine component its pages use (web/publicStyles.ts)', () => {
    const mods = modulesIn(staticGraph('public.html'));
    const needed = mantineComponentsUsedBy(modulesIn(publicGraph()).filter((m) => /^web\/.*\.tsx?$/.test(m)));
    expect(needed).toContain('Timeline'); // the lookup's history, so the walk does find components
    expect(needed).toContain('Combobox'); // inside Select: what a component uses inside counts too
    const missing = needed.filter((c) => existsSync(`node_modules/@mantine/core/styles/${c}.css`) && !mods.includes(`node_modules/@mantine/core/styles/${c}.css`));
    expect(missing, `add to web/publicStyles.ts: ${missing.map((c) => `@mantine/core/styles/${c}.css`).join(', ')}`).toEqual([]);
    // and not the whole of Mantine's styles
    expect(modulesOf[manifest['public.html'].file]).not.toContain('node_modules/@mantine/core/styles.css');
  });

  it('prints what each entry loads at once, compressed', () => {
    const line = (name: string, { js, css }: ReturnType<typeof bytes>) =>
      `${name}: JS ${js.files} files ${kb(js.raw)} → ${kb(js.brotli)} brotli / ${kb(js.gzip)} gzip; CSS ${kb(css.raw)} → ${kb(css.brotli)} brotli / ${kb(css.gzip)} gzip`;
    const pub = bytes(staticGraph('public.html'));
    console.log(`${line('public entry', pub)}\n${line('staff entry ', bytes(staticGraph('index.html')))}`);
    expect(pub.js.brotli).toBeGreaterThan(0);
  });
});
