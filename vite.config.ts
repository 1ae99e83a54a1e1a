import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
/** web/app/publicPaths.ts's prefixes (as server/http/static.ts has them) */
const PUBLIC_PATH = /^\/(tra-cuu|cong-khai)(\/|$)/;

/**
 * Two entries: the staff app (web/index.html) and the public pages, no login (web/public.html). In dev the
 * public paths get the public HTML, as the server does in production (server/http/static.ts).
 */
function publicEntryInDev(): Plugin {
  return {
    name: 'cchc:public-entry-dev',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && PUBLIC_PATH.test(path)) req.url = '/public.html';
        next();
      });
    },
  };
}

/**
 * Beside Vite's manifest (which chunk imports which), `.vite/modules.json`: the source modules inside each
 * chunk, relative to the project. tests/build/bundle.test.ts reads both to check what the public entry holds.
 */
function modulesOfChunks(): Plugin {
  return {
    name: 'cchc:modules-of-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') chunks[file.fileName] = file.moduleIds.map((id) => relative(root, id.replace(/^\0/, '').split('?')[0]));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify(chunks, null, 1) });
    },
  };
}

/** Hashed assets compressed once, at their best (brotli 11, gzip 9): the server sends the .br / .gz as is. */
function precompress(): Plugin {
  return {
    name: 'cchc:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir!;
      for (const name of Object.keys(bundle)) {
        if (!/^assets\/.+\.(js|css|svg|json)$/.test(name)) continue;
        const path = join(outDir, name);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * What the two entries need at once from node_modules (React, Mantine's parts, the router) is one `vendor`
 * file; without it each entry would load a dozen small pieces shared with this or that lazy page, and on a
 * slow phone network every request costs a round trip. Styles stay with their entry.
 */
const vendor = { name: 'vendor', test: /node_modules[\\/].*\.[cm]?js$/, tags: ['$initial' as const] };

export default defineConfig({
  root: 'web',
  plugins: [react(), publicEntryInDev(), modulesOfChunks(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 600, // ECharts, one lazy chunk of ≈ 580 kB (≈ 196 kB gzip), loaded with the first chart
    rolldownOptions: {
      input: { staff: join(root, 'web/index.html'), public: join(root, 'web/public.html') },
      output: { codeSplitting: { groups: [vendor] } },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
