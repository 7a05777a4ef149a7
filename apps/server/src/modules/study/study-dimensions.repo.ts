import { sql } from 'drizzle-orm';
import type { CourtType } from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';

export interface StudyByCourtType {
  courtType: CourtType;
  sessions: number;
  hours: number;
}

/**
 * The study of [from, to) by 六型法院 type, for the leader's year by dimension: held sessions (started
 * before `now`, not cancelled) tagged with each type, and the hours attended at them. A session tagged
 * with two types counts in both. `orgUnitIds` (a scope that is not the whole court): sessions for all
 * staff or for those organisations, and hours of the people in them; undefined: the whole court.
 */
export async function sumStudyByCourtType(
  db: Db,
  tenantId: string,
  range: { from: Date; to: Date; now: Date },
  orgUnitIds: readonly string[] | undefined,
): Promise<StudyByCourtType[]> {
  const units =
    orgUnitIds === undefined ? null : sql.join([sql`null::uuid`, ...orgUnitIds.map((id) => sql`${id}::uuid`)], sql`, `);
  const sessionWithin = units === null ? sql`true` : sql`(s.org_unit_id is null or s.org_unit_id in (${units}))`;
  const personWithin = units === null ? sql`true` : sql`p.org_unit_id in (${units})`;
  // Both drivers answer `execute` with `{ rows }`; the generic database type does not say so.
  const end = range.to < range.now ? range.to : range.now;
  const sessions = (await db.execute<{ courtType: CourtType; n: number }>(sql`
    select t.ct as "courtType", count(*)::int as n
    from study_sessions s cross join lateral jsonb_array_elements_text(s.court_types) as t(ct)
    where s.tenant_id = ${tenantId} and s.starts_at >= ${range.from} and s.starts_at < ${end}
      and s.cancelled_at is null and ${sessionWithin}
    group by t.ct`)) as { rows: { courtType: CourtType; n: number }[] };
  const hours = (await db.execute<{ courtType: CourtType; h: number }>(sql`
    select t.ct as "courtType", coalesce(sum(a.hours), 0)::float8 as h
    from study_attendance a
    join study_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
    join people p on p.tenant_id = a.tenant_id and p.id = a.person_id
    cross join lateral jsonb_array_elements_text(s.court_types) as t(ct)
    where a.tenant_id = ${tenantId} and a.starts_at >= ${range.from} and a.starts_at < ${range.to}
      and a.state = 'present' and s.cancelled_at is null and ${personWithin}
    group by t.ct`)) as { rows: { courtType: CourtType; h: number }[] };
  const byType = new Map<CourtType, StudyByCourtType>();
  for (const r of sessions.rows) byType.set(r.courtType, { courtType: r.courtType, sessions: r.n, hours: 0 });
  for (const r of hours.rows) {
    const row = byType.get(r.courtType) ?? { courtType: r.courtType, sessions: 0, hours: 0 };
    byType.set(r.courtType, { ...row, hours: Number(r.h) });
  }
  return [...byType.values()];
}
