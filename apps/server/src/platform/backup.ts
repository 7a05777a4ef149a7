import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './db.ts';
import { ensurePrivateDir } from './paths.ts';
import { fsyncDir } from './pglite-sync.ts';

const run = promisify(execFile);
const BACKUP_PATTERN = /^qizhi-\d{8}-\d{6}\.(tar\.gz|dump)$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * A consistent snapshot: PGlite's data folder as a gzipped tarball (taken inside the one
 * connection, so no write interleaves), or a PostgreSQL custom-format dump by pg_dump.
 */
export async function backupDatabase(
  database: Database,
  opts: { databaseUrl?: string | undefined; file?: string; dir?: string; now?: Date },
): Promise<string> {
  const now = opts.now ?? new Date();
  if (database.kind === 'pglite') {
    const file = opts.file ?? path.join(opts.dir ?? '.', `qizhi-${stamp(now)}.tar.gz`);
    ensurePrivateDir(path.dirname(file));
    const dump = await database.pglite!.dumpDataDir('gzip');
    const tmp = `${file}.part`;
    // Synced before and after the rename, so a power cut leaves the whole snapshot or the previous
    // name list, never an empty file under the new name (the fallback must survive what it guards).
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, Buffer.from(await dump.arrayBuffer()));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
    return file;
  }
  if (!opts.databaseUrl) throw new Error('PostgreSQL 备份需要 DATABASE_URL');
  const file = opts.file ?? path.join(opts.dir ?? '.', `qizhi-${stamp(now)}.dump`);
  ensurePrivateDir(path.dirname(file));
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    `--dbname=${opts.databaseUrl}`,
  ]);
  fs.chmodSync(file, 0o600);
  return file;
}

export class RestoreError extends Error {}

/** Restores into an empty data folder (PGlite) or an empty database (PostgreSQL); never over data. */
export async function restoreBackup(opts: {
  file: string;
  dataDir?: string;
  databaseUrl?: string | undefined;
}): Promise<void> {
  if (!fs.existsSync(opts.file)) throw new RestoreError(`备份文件不存在：${opts.file}`);
  if (opts.file.endsWith('.tar.gz')) {
    if (!opts.dataDir) throw new RestoreError('恢复嵌入式数据库需要目标数据目录');
    const target = path.join(opts.dataDir, 'pglite');
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
      throw new RestoreError(`目标目录不为空：${target}。为防止覆盖现有数据，请指定一个新的 QIZHI_DATA_DIR`);
    }
    ensurePrivateDir(opts.dataDir);
    const blob = new Blob([fs.readFileSync(opts.file)]);
    const db = await PGlite.create({ dataDir: target, loadDataDir: blob });
    await db.query('select 1');
    await db.close();
    return;
  }
  if (!opts.databaseUrl) throw new RestoreError('恢复 PostgreSQL 备份需要 DATABASE_URL 指向一个空数据库');
  const probe = await run('psql', [
    '-Atc',
    "select count(*) from information_schema.tables where table_schema = 'public'",
    opts.databaseUrl,
  ]);
  if (Number(probe.stdout.trim()) > 0)
    throw new RestoreError('目标数据库不是空的。为防止覆盖现有数据，请先创建一个新的空数据库');
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    `--dbname=${opts.databaseUrl}`,
    opts.file,
  ]);
}

/** Keeps the newest `keep` backups in `dir` and removes older ones. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => BACKUP_PATTERN.test(f))
    .sort();
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of removed) fs.rmSync(path.join(dir, f));
  return removed;
}

export function hasBackupFromDay(dir: string, day: Date): boolean {
  if (!fs.existsSync(dir)) return false;
  const prefix = `qizhi-${stamp(day).slice(0, 8)}`;
  return fs.readdirSync(dir).some((f) => f.startsWith(prefix) && BACKUP_PATTERN.test(f));
}
