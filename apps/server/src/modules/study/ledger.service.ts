/**
 * 学时台账: each serving person's hours earned in a year (sum of the sessions they attended) against
 * the requirement of their role; nobody types hours in (rules.md, policy limits).
 */
import {
  courtInstant,
  courtToday,
  courtYear,
  DEFAULT_STUDY_REQUIREMENT,
  isBehind,
  monthsLeftInYear,
  requiredStudyHours,
  roundHours,
  studyPace,
  studyRoleOf,
  type PersonStudyLedger,
  type StudyHoursItem,
  type StudyHoursResponse,
  type StudyRequirementSettings,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { committeeHolders, type OrgUnitRow, type StaffRow } from './study-access.ts';
import * as repo from './study.repo.ts';

export function yearRange(year: number) {
  return { from: courtInstant(`${String(year)}-01-01`), to: courtInstant(`${String(year + 1)}-01-01`) };
}

async function requirementSettings(db: Db, tenantId: string): Promise<StudyRequirementSettings> {
  const set = (await repo.findStudySettings(db, tenantId)) ?? {};
  return { ...DEFAULT_STUDY_REQUIREMENT, ...set };
}

function rowsOf(
  staff: readonly StaffRow[],
  units: readonly OrgUnitRow[],
  earned: ReadonlyMap<string, number>,
  settings: StudyRequirementSettings,
  year: number,
  today: string,
): StudyHoursItem[] {
  const seats = committeeHolders(units);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return staff.map((p) => {
    const role = studyRoleOf({ status: p.status, holdsCommitteeSeat: seats.has(p.id) });
    const required = requiredStudyHours(role, settings);
    const hours = roundHours(earned.get(p.id) ?? 0);
    return {
      personId: p.id,
      name: p.name,
      required,
      earned: hours,
      behind: isBehind(required, hours, year, today),
      pace: studyPace(required, year, today),
      role,
      orgUnitId: p.orgUnitId,
      orgUnitName: p.orgUnitId ? (unitName.get(p.orgUnitId) ?? null) : null,
    };
  });
}

/** The ledger of some serving staff for a year (the goals' ledger-backed progress reads this too). */
export async function ledgerOf(db: Db, tenantId: string, year: number, personIds?: ReadonlySet<string>) {
  const [staff, units, settings, sums] = await Promise.all([
    repo.findServingStaff(db, tenantId),
    repo.findOrgUnits(db, tenantId),
    requirementSettings(db, tenantId),
    (() => {
      const { from, to } = yearRange(year);
      return repo.sumEarnedHours(db, tenantId, from, to);
    })(),
  ]);
  const earned = new Map(sums.map((s) => [s.personId, Number(s.earned)]));
  const chosen = personIds ? staff.filter((p) => personIds.has(p.id)) : staff;
  return { units, items: rowsOf(chosen, units, earned, settings, year, courtToday()) };
}

/**
 * GET /study/hours: holders of `study.read` see the people of the organisations it reaches (court-wide:
 * everyone, non-members too); anyone else sees their own line only.
 */
export async function listHours(
  ctx: RequestContext,
  q: { year?: number | undefined; orgUnitId?: string | undefined; behind?: 'true' | 'false' | undefined },
): Promise<StudyHoursResponse> {
  const year = q.year ?? courtYear();
  const { items } = await ledgerOf(ctx.db, ctx.tenantId, year);
  const readable = ctx.has('study.read') ? await Promise.all(items.map((i) => ctx.can('study.read', i.orgUnitId))) : [];
  let rows = items.filter((i, n) => readable[n] === true || i.personId === ctx.personId);
  if (q.orgUnitId) rows = rows.filter((i) => i.orgUnitId === q.orgUnitId);
  if (q.behind === 'true') rows = rows.filter((i) => i.behind);
  return { year, monthsLeft: monthsLeftInYear(year, courtToday()), items: rows };
}

/** One person's ledger with the sessions behind it: their own, or within `study.read`'s reach. */
export async function personLedger(
  ctx: RequestContext,
  personId: string,
  year = courtYear(),
): Promise<PersonStudyLedger> {
  if (personId !== ctx.personId) {
    const [person] = await repo.findPeopleByIds(ctx.db, ctx.tenantId, [personId]);
    if (!person) throw notFound('人员');
    if (!ctx.has('study.read')) throw new AppError('FORBIDDEN', '只能查看本人的学习台账');
    if (!(await ctx.can('study.read', person.orgUnitId))) throw notFound('人员');
  }
  const { items } = await ledgerOf(ctx.db, ctx.tenantId, year, new Set([personId]));
  const row = items[0];
  if (!row) throw notFound('在职干警的学习台账');
  const { from, to } = yearRange(year);
  const sessions = await repo.findPersonAttendance(ctx.db, ctx.tenantId, personId, from, to);
  return {
    ...row,
    year,
    monthsLeft: monthsLeftInYear(year, courtToday()),
    sessions: sessions
      .filter((s) => s.cancelledAt === null)
      .map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        startsAt: s.startsAt.toISOString(),
        hours: s.hours,
        state: s.state,
        reason: s.reason,
      })),
  };
}

/** After attendance changed: goals counted from the ledger follow it, in the same transaction. */
export async function syncGoalsAfterAttendance(db: Db, tenantId: string, startsAt: Date, personIds?: string[]) {
  const year = courtYear(startsAt);
  const { from, to } = yearRange(year);
  await repo.syncLedgerGoals(db, tenantId, year, from, to, personIds);
}

/** Marks the year's 学时 goals of members as ledger-backed and fills them (the demo seed). */
export async function linkStudyHourGoals(db: Db, tenantId: string, year: number) {
  await repo.markStudyHourGoals(db, tenantId, year);
  const { from, to } = yearRange(year);
  await repo.syncLedgerGoals(db, tenantId, year, from, to);
}

export async function myLedger(ctx: RequestContext, year?: number): Promise<PersonStudyLedger> {
  if (!ctx.personId) throw notFound('本人的学习台账（账号未关联花名册人员）');
  return personLedger(ctx, ctx.personId, year);
}
