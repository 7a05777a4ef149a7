import { DEFAULT_CENTRE } from '@qizhi/domain';
import { courtCentres, goalReports, goals } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { DEMO_AS_OF, DEMO_ORG_KEYS, type DemoCourt } from './demo-court.data.ts';
import { seedDemoCommitments } from './demo-commitments.ts';
import { DEMO_GOAL_YEAR, planDemoGoals } from './demo-goals.data.ts';
import { demoInstant, shiftDate } from './demo-random.ts';
import { seedDemoRecognition } from './demo-recognition.ts';
import { seedDemoRules } from './demo-rules.ts';

/** What the demo court's seed hands to the mechanisms' seeds: its ids by the generator's keys. */
export interface DemoSeedContext {
  tenantId: string;
  court: DemoCourt;
  orgIds: Map<string, string>;
  deptIds: Map<string, string>;
  personIds: Map<string, string>;
  /** The demo accounts' user ids, by username (without the court's prefix). */
  userIds: Map<string, string>;
}

/** People the mechanisms' seeds refer to, looked up once. */
export interface DemoActors {
  secretary: { userId: string; name: string };
  userIdOfPerson: Map<string, string>;
  memberPersonKey: string;
}

/** The accounts linked to people, from what the court's seed wrote (no query). */
function demoActorsOf(ctx: DemoSeedContext): DemoActors {
  const accounts = ctx.court.accounts.map((a) => ({
    userId: ctx.userIds.get(a.username)!,
    personKey: a.personKey,
    personId: ctx.personIds.get(a.personKey)!,
  }));
  const branch = ctx.court.orgUnits.find((u) => u.key === DEMO_ORG_KEYS.branch)!;
  const secretary = accounts.find((a) => a.personKey === branch.secretaryKey)!;
  const secretaryName = ctx.court.people.find((p) => p.key === secretary.personKey)!.name;
  return {
    secretary: { userId: secretary.userId, name: secretaryName },
    userIdOfPerson: new Map(accounts.map((a) => [a.personId, a.userId])),
    memberPersonKey: ctx.court.accounts.find((a) => a.username === 'member')!.personKey,
  };
}

/**
 * One centre and two mechanisms for the demo court: the year's centre, the goals decomposed to
 * every member with their reports, commitments, the rules library, assessments, rewards and
 * honours. Dates are fixed relative to DEMO_AS_OF; everything is inserted in a few batches.
 */
export async function seedDemoMechanisms(tx: Db, ctx: DemoSeedContext): Promise<void> {
  const actors = demoActorsOf(ctx);
  const goalIds = await seedDemoGoals(tx, ctx, actors);
  await seedDemoCommitments(tx, ctx, actors, goalIds);
  await seedDemoRules(tx, ctx, actors);
  await seedDemoRecognition(tx, ctx, actors, goalIds);
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
}

/** Returns goal ids by plan key (the commitments link their promises to them). */
async function seedDemoGoals(tx: Db, ctx: DemoSeedContext, actors: DemoActors): Promise<Map<string, string>> {
  const { tenantId } = ctx;
  await tx.insert(courtCentres).values({ tenantId, year: DEMO_GOAL_YEAR, ...DEFAULT_CENTRE });
  const plan = planDemoGoals(ctx.court, actors.memberPersonKey);
  const ids = new Map(plan.map((g) => [g.key, crypto.randomUUID()]));
  const person = new Map(ctx.court.people.map((p) => [p.key, p]));
  const ownerId = (kind: string, key: string) =>
    (kind === 'org_unit' ? ctx.orgIds : kind === 'department' ? ctx.deptIds : ctx.personIds).get(key)!;
  await insertInChunks(
    plan.map((g, i) => ({
      tenantId,
      id: ids.get(g.key)!,
      year: DEMO_GOAL_YEAR,
      parentId: g.parentKey ? ids.get(g.parentKey)! : null,
      level: g.level,
      title: g.title,
      dimension: g.dimension,
      indicatorKind: g.indicatorKind,
      targetValue: g.targetValue,
      unit: g.unit,
      weight: g.weight,
      ownerKind: g.owner.kind,
      ownerOrgUnitId: g.owner.kind === 'org_unit' ? ownerId('org_unit', g.owner.key) : null,
      ownerDepartmentId: g.owner.kind === 'department' ? ownerId('department', g.owner.key) : null,
      ownerPersonId: g.owner.kind === 'person' ? ownerId('person', g.owner.key) : null,
      deadline: g.deadline,
      acceptedValue: g.acceptedValue,
      acceptedAt: g.acceptedValue === null ? null : demoInstant(reviewDay(g.deadline), 16),
      sortOrder: i,
    })),
    (chunk) => tx.insert(goals).values(chunk),
  );

  const reports: (typeof goalReports.$inferInsert)[] = [];
  for (const g of plan) {
    if (g.owner.kind !== 'person') continue;
    const goalId = ids.get(g.key)!;
    const personId = ctx.personIds.get(g.owner.key)!;
    const reporter = {
      reportedByUserId: actors.userIdOfPerson.get(personId) ?? null,
      reportedByName: person.get(g.owner.key)!.name,
    };
    const reviewer = { reviewedByUserId: actors.secretary.userId, reviewedByName: actors.secretary.name };
    const day = reportDay(g.deadline);
    if (g.returnedValue !== null) {
      reports.push({
        tenantId,
        goalId,
        value: g.returnedValue,
        note: '已全部完成',
        status: 'returned',
        ...reporter,
        reportedAt: demoInstant(shiftDate(day, -3)),
        ...reviewer,
        reviewedAt: demoInstant(shiftDate(day, -2), 15),
        reviewNote: '未附佐证材料，请补充后重新报告',
      });
    }
    if (g.acceptedValue !== null) {
      reports.push({
        tenantId,
        goalId,
        value: g.acceptedValue,
        note: acceptedNote(g.indicatorKind),
        status: 'accepted',
        ...reporter,
        reportedAt: demoInstant(day),
        ...reviewer,
        reviewedAt: demoInstant(reviewDay(g.deadline), 16),
        reviewNote: '情况属实',
      });
    }
    if (g.pendingValue !== null) {
      reports.push({
        tenantId,
        goalId,
        value: g.pendingValue,
        note: '本月新完成部分，请审核',
        status: 'pending',
        ...reporter,
        reportedAt: demoInstant(shiftDate(DEMO_AS_OF, -2), 9),
      });
    }
  }
  await insertInChunks(reports, (chunk) => tx.insert(goalReports).values(chunk));
  return ids;
}

/** Reports come in before the deadline, or before DEMO_AS_OF for goals due later. */
function reportDay(deadline: string): string {
  return deadline < DEMO_AS_OF ? shiftDate(deadline, -5) : shiftDate(DEMO_AS_OF, -12);
}
function reviewDay(deadline: string): string {
  return shiftDate(reportDay(deadline), 2);
}
function acceptedNote(kind: string): string {
  return kind === 'milestone' ? '已完成，材料已交支部存档' : '按期完成阶段任务，材料已交支部存档';
}
