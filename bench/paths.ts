import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, whatever the working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What `npm start` runs: the bundled server, rebuilt first if a source is newer. */
export const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/start.mjs');
export const BASELINE_ENTRY = path.join(REPO_ROOT, 'bench/baseline-server.ts');
export const WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');

/** True when `moduleUrl` is the script node was started with (a bench run on its own). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl);
}
