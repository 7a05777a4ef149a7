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
import { writeAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../../platform/errors.ts';
import { unitsOf } from '../../../platform/policy.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import * as repo from './deliberations.repo.ts';

type MatterRow = repo.MatterRow;

function progressOf(m: MatterRow) {
  return {
    doneSteps: m.steps.flatMap((s, i) => (s.meetingId ? [i] : [])),
    resolutionDisclosed: m.disclosures.some((d) => d.kind === 'resolution'),
    resultDisclosed: m.disclosures.some((d) => d.kind === 'result'),
  };
}

async function toMatter(ctx: RequestContext, m: MatterRow, orgUnitName: string): Promise<DeliberationMatter> {
  const ids = m.steps.flatMap((s) => (s.meetingId ? [s.meetingId] : []));
  const topics = await repo.findMeetingTopics(ctx.db, m.tenantId, ids);
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

export async function listMatters(
  ctx: RequestContext,
  query: { orgUnitId?: string | undefined; page: number; pageSize: number },
) {
  const orgUnitIds = unitsOf(await ctx.scopeOf('meetings.read'));
  const { rows, total } = await repo.findMatterPage(
    ctx.db,
    ctx.tenantId,
    { orgUnitIds, orgUnitId: query.orgUnitId },
    query,
  );
  return {
    items: await Promise.all(rows.map((r) => toMatter(ctx, r.matter, r.orgUnitName))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadMatter(ctx: RequestContext, id: string, manage: boolean) {
  const row = await repo.findMatter(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('事项');
  const readable = await ctx.can('meetings.read', row.matter.orgUnitId);
  const manageable = await ctx.can('deliberations.manage', row.matter.orgUnitId);
  if (!readable && !manageable) throw notFound('事项');
  if (manage && !manageable) throw new AppError('FORBIDDEN', '只能办理本人负责的党组织的事项');
  return row;
}

export async function getMatter(ctx: RequestContext, id: string) {
  const row = await loadMatter(ctx, id, false);
  return toMatter(ctx, row.matter, row.orgUnitName);
}

export async function createMatter(
  ctx: RequestContext,
  input: {
    orgUnitId: string;
    title: string;
    description?: string | null | undefined;
    stepLabels?: string[] | undefined;
  },
) {
  const org = (await meetingsRepo.findOrgUnits(ctx.db, ctx.tenantId)).find((u) => u.id === input.orgUnitId);
  if (!org) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
  if (!(await ctx.can('deliberations.manage', org.id)))
    throw new AppError('FORBIDDEN', '只能为本人负责的党组织办理事项');
  const labels = input.stepLabels ?? [...DEFAULT_DELIBERATION_STEPS];
  const id = await ctx.db.transaction(async (tx) => {
    const matterId = await repo.insertMatter(tx, {
      tenantId: ctx.tenantId,
      orgUnitId: org.id,
      title: input.title,
      description: input.description ?? null,
      steps: labels.map((label) => ({ label, meetingId: null, heldOn: null, outcome: null })),
    });
    await writeAudit(tx, ctx.actor, {
      action: 'deliberation.create',
      entity: 'deliberation',
      entityId: matterId,
      summary: `“四议两公开”事项立项：${input.title}（${labels.join(' → ')}）`,
      after: input,
    });
    return matterId;
  });
  return getMatter(ctx, id);
}

/** One of the four steps, held at a meeting of the court; steps go strictly in order. */
export async function recordStep(
  ctx: RequestContext,
  id: string,
  index: number,
  input: { meetingId: string; outcome?: string | null | undefined },
) {
  const { matter } = await loadMatter(ctx, id, true);
  const problem = checkDeliberationStep(progressOf(matter), index);
  if (problem === 'stepAlreadyDone') throw new AppError('DELIBERATION_STEP_DONE');
  if (problem) {
    const next = nextDeliberationStage(progressOf(matter));
    const expected =
      next.kind === 'step' ? `应先办理第${String(next.index + 1)}步“${matter.steps[next.index]?.label ?? ''}”` : '';
    throw new AppError('DELIBERATION_STEP_SKIPPED', `“四议”须按顺序进行，不能跳过前一步；${expected}`);
  }
  const meeting = (await meetingsRepo.findMeetingById(ctx.db, ctx.tenantId, input.meetingId))?.meeting;
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
  await ctx.db.transaction(async (tx) => {
    await repo.updateMatter(tx, ctx.tenantId, id, { steps });
    await writeAudit(tx, ctx.actor, {
      action: 'deliberation.step',
      entity: 'deliberation',
      entityId: id,
      summary: `${matter.title}：${steps[index]?.label ?? ''}（${heldOn}，会议「${meeting.topic}」）`,
      after: steps[index],
    });
  });
  return getMatter(ctx, id);
}

export async function recordDisclosure(
  ctx: RequestContext,
  id: string,
  input: { kind: DisclosureKind; disclosedOn: string; place: string; content: string },
) {
  const { matter } = await loadMatter(ctx, id, true);
  const problem = checkDisclosure(progressOf(matter), input.kind);
  if (problem === 'alreadyDisclosed') throw new AppError('ALREADY_DISCLOSED');
  if (problem) throw new AppError('DISCLOSURE_TOO_EARLY');
  const lastStep = matter.steps[matter.steps.length - 1]?.heldOn;
  if (lastStep && input.disclosedOn < lastStep)
    throw validationFailed([{ path: 'disclosedOn', message: `公开日期不能早于决议日期（${lastStep}）` }]);
  await ctx.db.transaction(async (tx) => {
    await repo.updateMatter(tx, ctx.tenantId, id, { disclosures: [...matter.disclosures, input] });
    await writeAudit(tx, ctx.actor, {
      action: 'deliberation.disclose',
      entity: 'deliberation',
      entityId: id,
      summary: `${matter.title}：${DISCLOSURE_KIND_LABELS[input.kind]}（${input.disclosedOn}，${input.place}）`,
      after: input,
    });
  });
  return getMatter(ctx, id);
}
