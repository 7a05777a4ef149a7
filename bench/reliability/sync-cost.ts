/**
 * What synced mode (apps/server/src/platform/pglite-sync.ts) costs: one-row commits in turn on the
 * embedded database, PGlite's default (fsync off) against synced (fsync on, a real fsync(2) per
 * commit), each on a fresh data folder in the system's temporary folder (on this machine ext4 on a
 * virtual disk). Alternates the modes in rounds, so a change in the machine's load hits both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPglite } from '../../apps/server/src/platform/pglite-sync.ts';
import { round, summarize } from '../latency.ts';

const SETTINGS = [
  'fsync',
  'wal_sync_method',
  'synchronous_commit',
  'full_page_writes',
  'max_wal_size',
  'checkpoint_timeout',
  'shared_buffers',
];

async function settings(synced: boolean): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-sync-cost-'));
  const client = await createPglite(path.join(dir, 'pglite'), { synced });
  try {
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      'select name, setting, unit from pg_settings where name = any($1) order by name',
      [SETTINGS],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  } finally {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function commits(synced: boolean, n: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-sync-cost-'));
  const client = await createPglite(path.join(dir, 'pglite'), { synced });
  try {
    await client.exec('create table t (id serial primary key, topic text not null, at timestamptz default now())');
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await client.query('insert into t (topic) values ($1)', [`写入-${String(i)}`]);
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runSyncCost(rounds: number): Promise<boolean> {
  const samples: Record<'default' | 'synced', number[]> = { default: [], synced: [] };
  for (let r = 0; r < rounds; r++) {
    samples.default.push(...(await commits(false, 300)));
    samples.synced.push(...(await commits(true, 300)));
  }
  const describe = (list: number[]) => {
    const s = summarize(list);
    return {
      commits: s.count,
      meanMs: round(s.mean, 2),
      p50Ms: round(s.p50, 2),
      p95Ms: round(s.p95, 2),
      p99Ms: round(s.p99, 2),
      perSecond: round(1000 / s.mean),
    };
  };
  process.stdout.write(
    `${JSON.stringify(
      {
        script: 'sync-cost',
        tmpdir: os.tmpdir(),
        load: os.loadavg().map((l) => round(l, 2)),
        settings: { default: await settings(false), synced: await settings(true) },
        default: describe(samples.default),
        synced: describe(samples.synced),
      },
      null,
      2,
    )}\n`,
  );
  return true;
}
