/**
 * 全省学时台账汇总: each court's study-hours figures for a year, for the level above many courts
 * (issue 12's performance target: a province of 150 courts under 1 s). The product has no superior
 * court yet (no role, permission or route reaching several courts), so nothing calls this but the
 * bench (bench/study.bench.ts), which measures the query such a view would run.
 */
import { sql } from 'drizzle-orm';
import { people, studyAttendance, studySessions } from '../../db/schema/index.ts';
import type { Db } from '../../platform/db.ts';

export interface CourtLedgerSummary {
  tenantId: string;
  /** Serving staff (not retired, not left). */
  people: number;
  /** 学时 earned by them in the year. */
  earned: number;
  /** Staff who reached `required` 学时 (the members' 32 by default). */
  reached: number;
}

/**
 * One statement over all the courts: each serving person's hours summed from attended, uncancelled
 * sessions (as the court's own ledger sums them, study.repo.ts), then folded per court
 * (courtLedgerSummariesSql).
 */
export async function courtLedgerSummaries(
  db: Db,
  tenantIds: string[],
  from: Date,
  to: Date,
  required = 32,
): Promise<CourtLedgerSummary[]> {
  if (tenantIds.length === 0) return [];
  type Row = { tenant_id: string; people: number | string; earned: number | string; reached: number | string };
  // Both drivers answer `execute` with `{ rows }`; the generic database type does not say so.
  const result = (await db.execute<Row>(courtLedgerSummariesSql(tenantIds, from, to, required))) as { rows: Row[] };
  return result.rows.map((r) => ({
    tenantId: r.tenant_id,
    people: Number(r.people),
    earned: Number(r.earned),
    reached: Number(r.reached),
  }));
}

/**
 * No join: people (with 0 hours) and attendance rows are stacked and summed per person, then per
 * court. Measured on PGlite (never ANALYZEd): a join of people to the per-person sums was planned as a
 * nested loop that sorted the whole attendance again for every person (3 courts: 15 s); stacked,
 * the plan is one scan and two hash aggregations whatever the statistics.
 */
export function courtLedgerSummariesSql(tenantIds: string[], from: Date, to: Date, required = 32) {
  const courts = sql.join(
    tenantIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`
    select x.tenant_id, count(*)::int as people, coalesce(sum(x.earned), 0)::float8 as earned,
      (count(*) filter (where x.earned >= ${required}))::int as reached
    from (
      select u.tenant_id, u.person_id, sum(u.hours) as earned, bool_or(u.serving) as serving
      from (
        select p.tenant_id, p.id as person_id, 0::float8 as hours, true as serving
        from ${people} p
        where p.tenant_id in (${courts}) and p.retired = false and p.left_on is null
        union all
        select a.tenant_id, a.person_id, a.hours, false
        from ${studyAttendance} a
        where a.tenant_id in (${courts}) and a.starts_at >= ${from.toISOString()}::timestamptz
          and a.starts_at < ${to.toISOString()}::timestamptz and a.state = 'present'
          and a.session_id not in (select s.id from ${studySessions} s
            where s.tenant_id in (${courts}) and s.cancelled_at is not null)
      ) u
      group by u.tenant_id, u.person_id
    ) x
    where x.serving
    group by x.tenant_id`;
}
