import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server's folder (apps/server), found by walking up from this module, so paths hold both in
 * the sources (run by tsx and the tests) and in the bundle (dist/main.js).
 */
function findServerDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`apps/server not found above ${from}`);
  }
}

export const SERVER_DIR = findServerDir(path.dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = path.join(SERVER_DIR, 'drizzle');
export const WEB_DIST = path.resolve(SERVER_DIR, '../web/dist');

/**
 * A folder only the server's own user may enter (0700): the data folder and the backups hold every
 * court's personal data. Made so when missing and tightened when it exists.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
}
