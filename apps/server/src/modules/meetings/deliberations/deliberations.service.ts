import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  checkDeliberationStep,
  checkDisclosure,
  DEFAULT_DELIBERATION_STEPS,
  DISCLOSURE_KIND_LABELS,
  HELD_STATUSES,
  nextDeliberationStage,
  courtToday,
  type DeliberationMatter,
  type DisclosureKind,
} from '@qizhi/domain';
import { deliberationMatters, meetings, orgUnits } from '../../../db/schema/index.ts';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { AuthContext } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import * as orgRepo from '../../org/org.repo.ts';
import { inScope, scopeOf } from '../meeting-access.ts';

type MatterRow = typeof deliberationMatters.$inferSelect;

function progressOf(m: MatterRow) {
  return {
    doneSteps: m.steps.flatMap((s, i) => (s.meetingId ? [i] : [])),
    resolutionDisclosed: m.disclosures.some((d) => d.kind === 'resolution'),
    resultDisclosed: m.disclosures.some((d) => d.kind === 'result'),
  };
}

async function toMatter(db: Db, m: MatterRow, orgUnitName: string): Promise<DeliberationMatter> {
  const ids = m.steps.flatMap((s) => (s.meetingId ? [s.meetingId] : []));
  const topics = new Map(
    ids.length
      ? (
          await db
            .select({ id: meetings.id, topic: meetings.topic })
            .from(meetings)
            .where(and(eq(meetings.tenantId, m.tenantId), inArray(meetings.id, ids)))
        ).map((r) => [r.id, r.topic])
      : [],
  );
  const next = nextDeliberationStage(progressOf(m));
  return {
    id: m.id,
    orgUnitId: m.orgUnitId,
    orgUnitName,
    title: m.title,
    description: m.description,
    steps: m.steps.map((s, index) => ({
      index,
      label: s.label,
      meetingId: s.meetingId,
      meetingTopic: s.meetingId ? (topics.get(s.meetingId) ?? null) : null,
      heldOn: s.heldOn,
      outcome: s.outcome,
    })),
    disclosures: m.disclosures,
    next:
      next.kind === 'step'
        ? `step:${String(next.index)}`
        : next.kind === 'disclosure'
          ? `disclosure:${next.disclosure}`
          : 'done',
    createdAt: m.createdAt.toISOString(),
  };
}

const orgName = sql<string>`(select o.name from ${orgUnits} o where o.tenant_id = "deliberation_matters"."tenant_id" and o.id = "deliberation_matters"."org_unit_id")`;

export async function listMatters(
  db: Db,
  auth: AuthContext,
  query: { orgUnitId?: string | undefined; page: number; pageSize: number },
) {
  const scope = await scopeOf(db, auth, 'meetings.read');
  const where = and(
    eq(deliberationMatters.tenantId, auth.user.tenantId),
    scope.all
      ? undefined
      : scope.orgUnitIds.length
        ? inArray(deliberationMatters.orgUnitId, scope.orgUnitIds)
        : sql`false`,
    query.orgUnitId ? eq(deliberationMatters.orgUnitId, query.orgUnitId) : undefined,
  );
  const rows = await db
    .select({ matter: deliberationMatters, orgUnitName: orgName, total: sql<number>`(count(*) over ())::int` })
    .from(deliberationMatters)
    .where(where)
    .orderBy(desc(deliberationMatters.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: await Promise.all(rows.map((r) => toMatter(db, r.matter, r.orgUnitName))),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadMatter(db: Db, auth: AuthContext, id: string, manage: boolean) {
  const [row] = await db
    .select({ matter: deliberationMatters, orgUnitName: orgName })
    .from(deliberationMatters)
    .where(and(eq(deliberationMatters.tenantId, auth.user.tenantId), eq(deliberationMatters.id, id)));
  if (!row) throw notFound('事项');
  const readable = inScope(await scopeOf(db, auth, 'meetings.read'), row.matter.orgUnitId);
  const manageable = inScope(await scopeOf(db, auth, 'deliberations.manage'), row.matter.orgUnitId);
  if (!readable && !manageable) throw notFound('事项');
  if (manage && !manageable) throw new AppError('FORBIDDEN', '只能办理本人负责的党组织的事项');
  return row;
}

export async function getMatter(db: Db, auth: AuthContext, id: string) {
  const row = await loadMatter(db, auth, id, false);
  return toMatter(db, row.matter, row.orgUnitName);
}

export async function createMatter(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  input: {
    orgUnitId: string;
    title: string;
    description?: string | null | undefined;
    stepLabels?: string[] | undefined;
  },
) {
  const tenantId = auth.user.tenantId;
  const org = await orgRepo.findOrgUnit(db, tenantId, input.orgUnitId);
  if (!org) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!inScope(await scopeOf(db, auth, 'deliberations.manage'), org.id))
    throw new AppError('FORBIDDEN', '只能为本人负责的党组织办理事项');
  const labels = input.stepLabels ?? [...DEFAULT_DELIBERATION_STEPS];
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(deliberationMatters)
      .values({
        tenantId,
        orgUnitId: org.id,
        title: input.title,
        description: input.description ?? null,
        steps: labels.map((label) => ({ label, meetingId: null, heldOn: null, outcome: null })),
      })
      .returning({ id: deliberationMatters.id });
    await writeAudit(tx, actor, {
      action: 'deliberation.create',
      entity: 'deliberation',
      entityId: row!.id,
      summary: `“四议两公开”事项立项：${input.title}（${labels.join(' → ')}）`,
      after: input,
    });
    return row!.id;
  });
  return getMatter(db, auth, id);
}

/** One of the four steps, held at a meeting of the court; steps go strictly in order. */
export async function recordStep(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  index: number,
  input: { meetingId: string; outcome?: string | null | undefined },
) {
  const { matter } = await loadMatter(db, auth, id, true);
  const problem = checkDeliberationStep(progressOf(matter), index);
  if (problem === 'stepAlreadyDone') throw new AppError('DELIBERATION_STEP_DONE');
  if (problem) {
    const next = nextDeliberationStage(progressOf(matter));
    const expected =
      next.kind === 'step' ? `应先办理第${String(next.index + 1)}步“${matter.steps[next.index]?.label ?? ''}”` : '';
    throw new AppError('DELIBERATION_STEP_SKIPPED', `“四议”须按顺序进行，不能跳过前一步；${expected}`);
  }
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, matter.tenantId), eq(meetings.id, input.meetingId)));
  if (!meeting) throw validationFailed([{ path: 'meetingId', message: '所选会议不存在' }]);
  if (!HELD_STATUSES.includes(meeting.status))
    throw validationFailed([{ path: 'meetingId', message: '所选会议尚未召开（须已填写会议记录）' }]);
  const heldOn = courtToday(meeting.startsAt);
  const previous = matter.steps[index - 1];
  if (previous?.heldOn && heldOn < previous.heldOn)
    throw validationFailed([{ path: 'meetingId', message: `会议日期早于上一步（${previous.heldOn}）` }]);
  const steps = matter.steps.map((s, i) =>
    i === index ? { ...s, meetingId: meeting.id, heldOn, outcome: input.outcome ?? null } : s,
  );
  await db.transaction(async (tx) => {
    await tx
      .update(deliberationMatters)
      .set({ steps })
      .where(and(eq(deliberationMatters.tenantId, matter.tenantId), eq(deliberationMatters.id, id)));
    await writeAudit(tx, actor, {
      action: 'deliberation.step',
      entity: 'deliberation',
      entityId: id,
      summary: `${matter.title}：${steps[index]?.label ?? ''}（${heldOn}，会议「${meeting.topic}」）`,
      after: steps[index],
    });
  });
  return getMatter(db, auth, id);
}

export async function recordDisclosure(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { kind: DisclosureKind; disclosedOn: string; place: string; content: string },
) {
  const { matter } = await loadMatter(db, auth, id, true);
  const problem = checkDisclosure(progressOf(matter), input.kind);
  if (problem === 'alreadyDisclosed') throw new AppError('ALREADY_DISCLOSED');
  if (problem) throw new AppError('DISCLOSURE_TOO_EARLY');
  const lastStep = matter.steps[matter.steps.length - 1]?.heldOn;
  if (lastStep && input.disclosedOn < lastStep)
    throw validationFailed([{ path: 'disclosedOn', message: `公开日期不能早于决议日期（${lastStep}）` }]);
  await db.transaction(async (tx) => {
    await tx
      .update(deliberationMatters)
      .set({ disclosures: [...matter.disclosures, input] })
      .where(and(eq(deliberationMatters.tenantId, matter.tenantId), eq(deliberationMatters.id, id)));
    await writeAudit(tx, actor, {
      action: 'deliberation.disclose',
      entity: 'deliberation',
      entityId: id,
      summary: `${matter.title}：${DISCLOSURE_KIND_LABELS[input.kind]}（${input.disclosedOn}，${input.place}）`,
      after: input,
    });
  });
  return getMatter(db, auth, id);
}
