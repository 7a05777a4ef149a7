/**
 * Puts benchmark people into a database directly (drizzle, in batches): into the demo court, or
 * into further courts laid out like it, for benches up to a whole province.
 *
 *   node --import tsx bench/data.ts --courts 3 --people 10000 --data-dir ./data      (PGlite)
 *   DATABASE_URL=postgresql://… node --import tsx bench/data.ts --courts 100 --people 2000
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { departments, orgUnits, people, tenants } from '../apps/server/src/db/schema/index.ts';
import { openPglite, openPostgres, type Database, type Db } from '../apps/server/src/platform/db.ts';
import { seedDemoCourt } from '../apps/server/src/seed/demo-court.ts';
import { fieldKeys, idNumberIndex, useFieldKeys } from '../apps/server/src/platform/field-crypto.ts';
import { isMainModule } from './paths.ts';
import { demoCourtLayout, generatePeople } from './people-generator.ts';

/** 23 columns a row: 1,000 rows stay well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 1_000;

export async function findTenantId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, code));
  if (!row) throw new Error(`no court with code ${code}`);
  return row.id;
}

export async function countPeople(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(eq(people.tenantId, tenantId));
  return row?.n ?? 0;
}

/** Adds `n` generated people to a court laid out like the demo court; returns how many it added. */
export async function addPeople(db: Db, tenantId: string, n: number, opts: { seed?: number } = {}): Promise<number> {
  if (n <= 0) return 0;
  const [units, depts, existing, already] = await Promise.all([
    db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId)),
    db.select().from(departments).where(eq(departments.tenantId, tenantId)),
    db
      .select({ idNumber: people.idNumber })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), isNotNull(people.idNumber))),
    countPeople(db, tenantId),
  ]);
  const layout = demoCourtLayout();
  const branch = units.find((u) => u.kind === 'branch' && u.name === layout.branch);
  if (!branch) throw new Error(`the court has no branch named ${layout.branch}`);
  const cellId = new Map(units.filter((u) => u.parentId === branch.id).map((u) => [u.name, u.id]));
  const departmentId = new Map(depts.map((d) => [d.name, d.id]));
  const idOf = (map: Map<string, string>, name: string | null): string | null => {
    if (name === null) return null;
    const id = map.get(name);
    if (!id) throw new Error(`the court has no unit or department named ${name}`);
    return id;
  };

  const taken = new Set(existing.map((r) => r.idNumber ?? ''));
  const generated = generatePeople(n, { layout, seed: opts.seed, taken, firstIndex: already });
  const rows = generated.map((p) => ({
    tenantId,
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    idNumber: p.idNumber,
    idNumberIndex: idNumberIndex(tenantId, p.idNumber),
    phone: p.phone,
    education: p.education,
    status: p.status,
    joinedOn: p.joinedOn,
    confirmedOn: p.confirmedOn,
    orgUnitId: p.cellName !== null ? idOf(cellId, p.cellName) : p.branchName !== null ? branch.id : null,
    departmentId: idOf(departmentId, p.departmentName),
    position: p.position,
    retired: p.retired,
    retiredOn: p.retiredOn,
  }));
  // PGlite is one connection: inside the transaction only `tx` may be used.
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) await tx.insert(people).values(rows.slice(i, i + BATCH));
  });
  return rows.length;
}

/** Tops a court up to `total` people (the demo court starts with 90). */
export async function fillCourtTo(
  db: Db,
  tenantId: string,
  total: number,
  opts: { seed?: number } = {},
): Promise<number> {
  return addPeople(db, tenantId, total - (await countPeople(db, tenantId)), opts);
}

/**
 * A further court: the demo court's organisation and accounts (usernames prefixed) under another
 * code and name, filled to `total` people.
 */
export async function addCourt(
  db: Db,
  court: { code: string; name: string; usernamePrefix: string; total: number; demoPassword: string; seed?: number },
): Promise<string> {
  const seeded = await seedDemoCourt(db, {
    demoPassword: court.demoPassword,
    tenantCode: court.code,
    tenantName: court.name,
    usernamePrefix: court.usernamePrefix,
  });
  await fillCourtTo(db, seeded.tenantId, court.total, { seed: court.seed });
  return seeded.tenantId;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      courts: { type: 'string', default: '1' },
      people: { type: 'string', default: '10000' },
      'data-dir': { type: 'string', default: './data' },
      password: { type: 'string', default: 'Qizhi-Bench-2026' },
    },
  });
  const courts = Number(values.courts);
  const total = Number(values.people);
  const url = process.env.DATABASE_URL;
  // Sealed with the key a server on this data folder (or with this QIZHI_TWO_FACTOR_KEY) will use.
  useFieldKeys(
    fieldKeys({
      dataDir: path.resolve(values['data-dir']),
      twoFactorKey: process.env.QIZHI_TWO_FACTOR_KEY || undefined,
    }),
  );
  const database: Database = url ? openPostgres(url) : await openPglite(path.resolve(values['data-dir'], 'pglite'));
  try {
    await database.migrate();
    const [first] = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
    if (!first) await seedDemoCourt(database.db, { demoPassword: values.password });
    const demoId = await findTenantId(database.db, 'anze');
    process.stdout.write(`安泽县人民法院: +${String(await fillCourtTo(database.db, demoId, total))} people\n`);
    for (let c = 2; c <= courts; c++) {
      const code = `bench${String(c).padStart(3, '0')}`;
      await addCourt(database.db, {
        code,
        name: `基准测试第${String(c)}人民法院`,
        usernamePrefix: `${code}_`,
        total,
        demoPassword: values.password,
        seed: c,
      });
      process.stdout.write(`${code}: ${String(total)} people\n`);
    }
  } finally {
    await database.close();
  }
}

if (isMainModule(import.meta.url)) await main();
