/**
 * Fresh databases for one bench: a PGlite data folder in a temporary directory, or a new
 * PostgreSQL database `qizhi_bench_<timestamp>` beside the admin URL's, dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import pg from 'pg';
import { people } from '../apps/server/src/db/schema/index.ts';
import { openPglite, openPostgres, type Database } from '../apps/server/src/platform/db.ts';
import { seedDemoCourt } from '../apps/server/src/seed/demo-court.ts';
import { fieldKeys, useFieldKeys } from '../apps/server/src/platform/field-crypto.ts';
import { fillCourtTo } from './data.ts';

export const BENCH_PASSWORD = 'Qizhi-Bench-2026';
export type DatabaseKind = 'pglite' | 'postgresql';

export interface BenchDatabase {
  kind: DatabaseKind;
  /** The server's QIZHI_DATA_DIR (for PGlite, the database lives in its `pglite` folder). */
  dataDir: string;
  /** PostgreSQL only. */
  url: string | undefined;
  open(): Promise<Database>;
  /** What `SELECT version()` says. */
  version(): Promise<string>;
  /** Environment for the server process (main.ts). */
  serverEnv(): Record<string, string>;
  dispose(): Promise<void>;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qizhi-bench-'));
}

export function createPgliteDatabase(): BenchDatabase {
  const dataDir = tempDir();
  const open = () => openPglite(path.join(dataDir, 'pglite'));
  return {
    kind: 'pglite',
    dataDir,
    url: undefined,
    open,
    version: async () => {
      const database = await open();
      try {
        const result = await database.pglite?.query<{ v: string }>('select version() as v');
        return result?.rows[0]?.v ?? 'unknown';
      } finally {
        await database.close();
      }
    },
    serverEnv: () => ({ QIZHI_DATA_DIR: dataDir }),
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ v: string }>('select version() as v');
    return result.rows[0]?.v ?? 'unknown';
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `qizhi_bench_${String(Date.now())}_${String(process.pid)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = tempDir();
  return {
    kind: 'postgresql',
    dataDir,
    url: url.toString(),
    open: async () => openPostgres(url.toString()),
    version: () => postgresVersion(url.toString()),
    serverEnv: () => ({ QIZHI_DATA_DIR: dataDir, DATABASE_URL: url.toString() }),
    dispose: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function createDatabase(kind: DatabaseKind, adminUrl: string | undefined): Promise<BenchDatabase> {
  if (kind === 'pglite') return Promise.resolve(createPgliteDatabase());
  if (!adminUrl) throw new Error('PostgreSQL benches need BENCH_DATABASE_URL');
  return createPostgresDatabase(adminUrl);
}

export interface PreparedCourt {
  tenantId: string;
  people: number;
  /** In-service full members: what `status=full&retired=false` must total. */
  fullInService: number;
  orgUnitIds: { name: string; id: string; kind: string }[];
  departmentIds: { name: string; id: string }[];
  personIds: string[];
  idNumbers: string[];
  seedMs: number;
}

/**
 * Migrates, writes the demo court (as the server's first start would) and fills it to `total`
 * people, before any server opens the database. On PostgreSQL it then runs VACUUM ANALYZE, as
 * autovacuum does within a minute of 10,000 inserts (its insert threshold, PostgreSQL 13 and later);
 * PGlite has none, and the server runs VACUUM ANALYZE itself at start (platform/db.ts).
 */
export async function prepareCourt(bench: BenchDatabase, total: number): Promise<PreparedCourt> {
  const t0 = performance.now();
  // Personal numbers are sealed with the key the server will find in its data folder.
  useFieldKeys(fieldKeys({ dataDir: bench.dataDir, twoFactorKey: undefined }));
  const database = await bench.open();
  try {
    const { db } = database;
    await database.migrate();
    const { tenantId } = await seedDemoCourt(db, { demoPassword: BENCH_PASSWORD });
    await fillCourtTo(db, tenantId, total);
    if (bench.kind === 'postgresql') await db.execute('vacuum analyze');
    const seedMs = performance.now() - t0;
    const [units, depts, persons, [full]] = await Promise.all([
      db.query.orgUnits.findMany({ where: (u, { eq: is }) => is(u.tenantId, tenantId) }),
      db.query.departments.findMany({ where: (d, { eq: is }) => is(d.tenantId, tenantId) }),
      db.select({ id: people.id, idNumber: people.idNumber }).from(people).where(eq(people.tenantId, tenantId)),
      db
        .select({ n: count() })
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.status, 'full'), eq(people.retired, false))),
    ]);
    return {
      tenantId,
      people: persons.length,
      fullInService: full?.n ?? 0,
      orgUnitIds: units.map((u) => ({ name: u.name, id: u.id, kind: u.kind })),
      departmentIds: depts.map((d) => ({ name: d.name, id: d.id })),
      personIds: persons.map((p) => p.id),
      idNumbers: persons.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
      seedMs,
    };
  } finally {
    await database.close();
  }
}
