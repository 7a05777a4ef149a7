import { runInWorker } from '../../platform/worker.ts';
import type { ParsedRoster } from './roster-columns.ts';

/** From source the worker is the .ts beside this file; in the bundle, dist/roster-parse.worker.js. */
const WORKER = import.meta.url.endsWith('.ts')
  ? new URL('./roster-parse.worker.ts', import.meta.url)
  : new URL('./roster-parse.worker.js', import.meta.url);

/** Checks (inflating at most MAX_INFLATED_BYTES) and parses a roster file in a memory-limited worker. */
export function parseRosterInWorker(buffer: Buffer): Promise<ParsedRoster> {
  return runInWorker<ParsedRoster>(WORKER, buffer);
}
