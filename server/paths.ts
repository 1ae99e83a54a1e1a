/**
 * Where the project's files are, found from the project's root (the folder of package.json), so that the
 * same code runs from the TypeScript sources (tsx, tests) and from the compiled bundle in dist/server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cchc: no package.json above ${from}`);
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = join(ROOT, 'server/db/migrations');
export const SEED_FILES_DIR = join(ROOT, 'server/seed/files');
export const WEB_DIR = join(ROOT, 'dist/web');
export const seedFile = (name: string) => join(SEED_FILES_DIR, name);
