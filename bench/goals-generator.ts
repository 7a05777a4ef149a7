/**
 * Goal trees for the goals bench: four levels (党组 → 党支部 → 部门/党小组 → 党员) of exactly
 * `total` goals, written in batches. Member goals are owned by the given people when there are
 * any (as in a real court, so the owner-name join is the real one), else by the 党组.
 */
import { sql } from 'drizzle-orm';
import { COURT_TYPES, type GoalLevel } from '@qizhi/domain';
import { goals, orgUnits, tenants } from '../apps/server/src/db/schema/index.ts';
import type { Db } from '../apps/server/src/platform/db.ts';

type GoalRow = typeof goals.$inferInsert;

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TreeShape {
  roots: number;
  branchesPerRoot: number;
  unitsPerBranch: number;
}

/** 6 roots (one per court type), 4 branches each, 16 units each; members take the rest. */
export const COURT_SHAPE: TreeShape = { roots: 6, branchesPerRoot: 4, unitsPerBranch: 16 };

export async function writeGoalTree(
  db: Db,
  opts: {
    tenantId: string;
    orgUnitId: string;
    personIds: readonly string[];
    year: number;
    total: number;
    seed: number;
    shape?: TreeShape;
  },
): Promise<number> {
  const random = createRandom(opts.seed);
  const shape = opts.shape ?? COURT_SHAPE;
  const rows: GoalRow[] = [];
  let count = 0;
  const add = (
    parentId: string | null,
    level: GoalLevel,
    dimension: (typeof COURT_TYPES)[number],
    owner: string | null,
  ) => {
    const id = crypto.randomUUID();
    const leaf = level === 'member';
    const month = 1 + Math.floor(random() * 12);
    rows.push({
      tenantId: opts.tenantId,
      id,
      year: opts.year,
      parentId,
      level,
      title: `目标 ${String(++count)}`,
      dimension,
      indicatorKind: leaf && random() < 0.3 ? 'milestone' : 'count',
      targetValue: 12,
      unit: '次',
      weight: 1 + Math.floor(random() * 4),
      ownerKind: owner ? 'person' : 'org_unit',
      ownerOrgUnitId: owner ? null : opts.orgUnitId,
      ownerPersonId: owner,
      deadline: `${String(opts.year)}-${String(month).padStart(2, '0')}-28`,
      acceptedValue: leaf && random() < 0.8 ? Math.floor(random() * 13) : null,
    });
    return id;
  };
  const units: { id: string; dimension: (typeof COURT_TYPES)[number] }[] = [];
  for (let r = 0; r < shape.roots && count < opts.total; r++) {
    const dimension = COURT_TYPES[r % COURT_TYPES.length]!;
    const root = add(null, 'party_group', dimension, null);
    for (let b = 0; b < shape.branchesPerRoot && count < opts.total; b++) {
      const branch = add(root, 'branch', dimension, null);
      for (let u = 0; u < shape.unitsPerBranch && count < opts.total; u++)
        units.push({ id: add(branch, 'unit', dimension, null), dimension });
    }
  }
  // Without statistics the planner checks each row's parent by scanning the (then tiny) table, and
  // keeps that plan for the whole statement: 20,000 children take minutes. The upper levels first,
  // then ANALYZE, and the member level is checked through the primary key.
  await insertGoalRows(db, rows.splice(0));
  await db.execute(sql`analyze goals`);
  for (let i = 0; count < opts.total; i++) {
    const unit = units[i % units.length]!;
    add(
      unit.id,
      'member',
      unit.dimension,
      opts.personIds.length > 0 ? opts.personIds[i % opts.personIds.length]! : null,
    );
  }
  await insertGoalRows(db, rows);
  return opts.total;
}

/**
 * One statement per 5,000 goals with the rows as a single JSON parameter: a multi-row VALUES list
 * binds 20 parameters a row, which PGlite takes seconds to prepare.
 */
async function insertGoalRows(db: Db, rows: GoalRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5_000));
    await db.execute(sql`insert into goals (tenant_id, id, year, parent_id, level, title, dimension, indicator_kind,
        target_value, unit, weight, owner_kind, owner_org_unit_id, owner_person_id, deadline, accepted_value)
      select "tenantId", id, year, "parentId", level, title, dimension, "indicatorKind", "targetValue", unit, weight,
        "ownerKind", "ownerOrgUnitId", "ownerPersonId", deadline, "acceptedValue"
      from json_to_recordset(${chunk}::json) as x("tenantId" uuid, id uuid, year int, "parentId" uuid, level text,
        title text, dimension text, "indicatorKind" text, "targetValue" float8, unit text, weight float8,
        "ownerKind" text, "ownerOrgUnitId" uuid, "ownerPersonId" uuid, deadline date, "acceptedValue" float8)`);
  }
}

/** One court of a province: the tenant, its 党组 and a goal tree of `total` goals. */
export async function writeProvinceGoalCourt(db: Db, index: number, year: number, total: number): Promise<number> {
  const [tenant] = await db
    .insert(tenants)
    .values({ code: `goals-court${String(index)}`, name: `第${String(index)}基层人民法院` })
    .returning({ id: tenants.id });
  const tenantId = tenant!.id;
  const orgUnitId = crypto.randomUUID();
  await db.insert(orgUnits).values({ tenantId, id: orgUnitId, kind: 'party_group', name: '党组' });
  return writeGoalTree(db, {
    tenantId,
    orgUnitId,
    personIds: [],
    year,
    total,
    seed: index,
    shape: { roots: 6, branchesPerRoot: 1, unitsPerBranch: 4 },
  });
}
