/** The pid of a running server that holds the PGlite data directory (its server.pid), or null. */
import { existsSync, readFileSync } from 'node:fs';

export function runningServerPid(dataDir: string): number | null {
  const pidFile = `${dataDir}/server.pid`;
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
