/**
 * What the embedded database (PGlite 0.5, `@electric-sql/pglite`) writes to disk, and the options that
 * make a commit survive an operating-system crash or a power cut (issue 11; docs/security.md).
 *
 * Read from its source (dist/pglite.js, dist/chunk-*.js):
 * - PGlite starts PostgreSQL with `-F` (fsync = off) among `PGlite.defaultStartParams`.
 * - The data folder is Emscripten's NODEFS mount: every write() PostgreSQL makes is an
 *   `fs.writeSync` on the host file at once (no buffer in between), so a commit's WAL is in the
 *   host's page cache when the query returns. A killed process therefore loses nothing.
 * - NODEFS has no `fsync` stream operation: PostgreSQL's fsync() reaches WASI `fd_sync`, which calls
 *   `stream_ops.fsync` only if present and otherwise returns 0 having done nothing; `fdatasync` is a
 *   no-op outright. So even with fsync on, nothing would reach the disk until the kernel writes its
 *   dirty pages back (Linux: within about 30 s), in any order.
 *
 * Synced mode (`QIZHI_PGLITE_SYNC`, on by default) fixes both: a NODEFS `fsync` that really calls
 * `fsync(2)` on the host file, and PostgreSQL started without `-F`, with `wal_sync_method = fsync`
 * (the one method that reaches `fd_sync`). Then a commit returns only after its WAL is on the disk,
 * and a checkpoint syncs the data files before it records itself — PostgreSQL's own guarantee.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { createTurnTakingPGlite } from './pglite-turns.ts';

type InitResult = Awaited<ReturnType<NodeFS['init']>>;
type EmscriptenModule = Parameters<NodeFS['init']>[1];

interface NodefsStream {
  nfd: number;
}
interface NodefsModule {
  NODEFS: { stream_ops: { fsync?: (stream: NodefsStream) => number } };
}

/** WASI's EIO: PostgreSQL then PANICs, as it does when fsync fails on a real disk. */
const WASI_EIO = 29;

class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: EmscriptenModule): Promise<InitResult> {
    const result = await super.init(pg, opts);
    const addFsync = (mod: unknown) => {
      (mod as NodefsModule).NODEFS.stream_ops.fsync = (stream) => {
        try {
          fs.fsyncSync(stream.nfd);
          return 0;
        } catch {
          return WASI_EIO;
        }
      };
    };
    const emscriptenOpts = result.emscriptenOpts as EmscriptenModule & { preRun?: unknown[] };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] } };
  }
}

/**
 * QIZHI_PGLITE_SYNC: `on` (the default) or `off` (PGlite's own fsync off: a commit is acknowledged
 * once it is in the operating system's cache — faster, but a power cut may lose the last seconds).
 */
export function pgliteSyncFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.QIZHI_PGLITE_SYNC ?? '').trim().toLowerCase();
  if (value === '' || value === 'on' || value === 'true') return true;
  if (value === 'off' || value === 'false') return false;
  throw new Error(`配置有误：QIZHI_PGLITE_SYNC 应为 on 或 off（当前值：${String(env.QIZHI_PGLITE_SYNC)}）`);
}

/** PGlite's own start parameters, with fsync on and a WAL sync method that reaches the disk. */
export function syncedStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}

/** fsync(2) on every file and folder under `dir`: what initdb's files never got. */
export function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(full);
    else if (entry.isFile()) fsyncFile(full);
  }
  fsyncDir(dir);
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder's entries (a created or renamed file) on the disk; Windows cannot open a folder for it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  fsyncFile(dir);
}

/**
 * Options for `PGlite.create` on the data folder `dataDir`: synced (every acknowledged commit on the
 * disk) unless `synced` is false, which is PGlite's default (fsync off).
 */
export function pgliteOptions(dataDir: string, synced: boolean): PGliteOptions {
  if (!synced) return { dataDir };
  return { dataDir, fs: new SyncingNodeFS(dataDir), startParams: syncedStartParams() };
}

/**
 * Opens PGlite on `dataDir`. In synced mode a folder PGlite has just created (initdb writes it
 * without a single fsync) is synced once before the first write is acknowledged.
 */
export async function createPglite(
  dataDir: string | undefined,
  opts: { synced: boolean; loadDataDir?: Blob | undefined },
): Promise<PGlite> {
  // Turn-taking: queued statements must not keep the server from reading requests (pglite-turns.ts).
  if (!dataDir) return createTurnTakingPGlite({ loadDataDir: opts.loadDataDir });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const client = await createTurnTakingPGlite({
    ...pgliteOptions(dataDir, opts.synced),
    loadDataDir: opts.loadDataDir,
  });
  if (opts.synced && fresh) {
    await client.exec('checkpoint');
    fsyncTree(dataDir);
    fsyncDir(path.dirname(dataDir));
  }
  return client;
}
