import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPglite, pgliteSyncFromEnv } from './pglite-sync.ts';

// The embedded database's durability (issue 11; bench/reliability/power-cut.ts proves it with crash
// images of the running server). Here: a commit in synced mode calls fsync(2) on the host before it
// returns; a copy of the folder taken between two commits (what the disk holds after a crash at
// that instant) opens with every committed row and passes amcheck; PGlite's default, opened on that
// copy, never fsyncs. One initdb only: on a loaded machine each costs tens of seconds.
describe('PGlite synced mode', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads QIZHI_PGLITE_SYNC: on unless off', () => {
    expect(pgliteSyncFromEnv({})).toBe(true);
    expect(pgliteSyncFromEnv({ QIZHI_PGLITE_SYNC: 'off' })).toBe(false);
    expect(pgliteSyncFromEnv({ QIZHI_PGLITE_SYNC: 'on' })).toBe(true);
    expect(() => pgliteSyncFromEnv({ QIZHI_PGLITE_SYNC: 'maybe' })).toThrow(/QIZHI_PGLITE_SYNC/);
  });

  it(
    'fsyncs each commit; a crash image keeps every committed row; the default never fsyncs',
    { timeout: 240_000 },
    async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-sync-test-'));
      dirs.push(root);
      const dir = path.join(root, 'pglite');
      const image = path.join(root, 'image');
      const fsync = vi.spyOn(fs, 'fsyncSync');

      const client = await createPglite(dir, { synced: true });
      try {
        await client.exec('create table t (id int primary key, topic text not null)');
        for (let i = 0; i < 20; i++) {
          const before = fsync.mock.calls.length;
          await client.query('insert into t values ($1, $2)', [i, `写入-${String(i)}`]);
          expect(fsync.mock.calls.length - before).toBeGreaterThanOrEqual(1);
        }
        expect((await client.query<{ v: string }>(`select current_setting('fsync') as v`)).rows[0]?.v).toBe('on');
        // Never closed cleanly: the copy is the disk after a crash at this instant.
        fs.cpSync(dir, image, { recursive: true });
      } finally {
        await client.close();
      }

      fsync.mockClear();
      const copy = await createPglite(image, { synced: false });
      try {
        expect((await copy.query<{ n: number }>('select count(*)::int as n from t')).rows[0]?.n).toBe(20);
        await copy.query('insert into t values (20, $1)', ['默认模式']);
        expect(fsync).not.toHaveBeenCalled();
        expect((await copy.query<{ v: string }>(`select current_setting('fsync') as v`)).rows[0]?.v).toBe('off');
      } finally {
        await copy.close();
      }

      const check = await PGlite.create({ dataDir: image, extensions: { amcheck } });
      try {
        await check.exec('create extension amcheck');
        await check.query(`select bt_index_check('t_pkey'::regclass, true)`);
        expect((await check.query(`select * from verify_heapam('t'::regclass)`)).rows).toEqual([]);
      } finally {
        await check.close();
      }
    },
  );
});
