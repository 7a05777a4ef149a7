/**
 * 民主评议党员 rounds: creating one for a branch and year, moving it through the steps of rules.md,
 * the committee's proposed grades (⅓ cap on 优秀), the 党员大会's decision linked to its meeting and
 * vote, and follow-up of 不合格. Ballots and tallies are in ballots.service.ts.
 */
import {
  collectSubtreeIds,
  DEFAULT_EXCELLENT_CAP,
  DEFAULT_MIN_BALLOTS,
  EVALUATION_GRADE_LABELS,
  excellentCapProblem,
  maxExcellent,
  meetingNamed,
  ROUND_STEP_LABELS,
  stepMoveProblem,
  VOTER_POOL_LABELS,
  type CreateRoundRequest,
  type DecisionRequest,
  type EvaluationGrade,
  type FollowUpRequest,
  type ProposalsRequest,
  type RoundDetail,
  type RoundStep,
  type RoundSummary,
  type SelfEvaluationRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { findDecidingMeeting } from '../meetings/index.ts';
import * as repo from './evaluations.repo.ts';

export async function settingsOf(db: Db, tenantId: string) {
  const s = await repo.findSettings(db, tenantId);
  return {
    minBallots: s.evaluationMinBallots ?? DEFAULT_MIN_BALLOTS,
    excellentCap: s.evaluationExcellentCap ?? DEFAULT_EXCELLENT_CAP,
  };
}

export function toSummary(r: repo.JoinedRound, minBallots: number): RoundSummary {
  const { round } = r;
  return {
    id: round.id,
    orgUnitId: round.orgUnitId,
    orgUnitName: r.orgUnitName,
    coveredYear: round.coveredYear,
    pool: round.pool,
    points: round.points,
    step: round.step,
    minBallots,
    meetingId: round.meetingId,
    meetingTitle: r.meetingType && r.meetingTopic !== null ? meetingNamed(r.meetingType, r.meetingTopic) : null,
    voteId: round.voteId,
    subjectCount: r.subjectCount,
  };
}

export async function findRound(ctx: RequestContext, id: string): Promise<repo.JoinedRound> {
  const [row] = await repo.findRounds(ctx.db, ctx.tenantId, { ids: [id] });
  if (!row) throw notFound('民主评议');
  return row;
}

/** A round the caller reads (evaluations.read over its branch); anyone else is told it does not exist. */
export async function readableRound(ctx: RequestContext, id: string): Promise<repo.JoinedRound> {
  const row = await findRound(ctx, id);
  if (!(await ctx.can('evaluations.read', row.round.orgUnitId))) throw notFound('民主评议');
  return row;
}

async function managedRound(ctx: RequestContext, id: string): Promise<repo.JoinedRound> {
  const row = await readableRound(ctx, id);
  if (!(await ctx.can('evaluations.manage', row.round.orgUnitId)))
    throw new AppError('FORBIDDEN', '只能管理本人负责的党支部的民主评议');
  return row;
}

export async function listRounds(ctx: RequestContext, q: { year?: number | undefined }) {
  const scope = await ctx.scopeOf('evaluations.read');
  const [rows, { minBallots }] = await Promise.all([
    repo.findRounds(ctx.db, ctx.tenantId, { orgUnitIds: unitsOf(scope), year: q.year }),
    settingsOf(ctx.db, ctx.tenantId),
  ]);
  return { items: rows.map((r) => toSummary(r, minBallots)) };
}

export async function getRound(ctx: RequestContext, id: string): Promise<RoundDetail> {
  const row = await readableRound(ctx, id);
  const [subjects, settings] = await Promise.all([
    repo.findSubjects(ctx.db, ctx.tenantId, id),
    settingsOf(ctx.db, ctx.tenantId),
  ]);
  return {
    ...toSummary(row, settings.minBallots),
    maxExcellent: maxExcellent(subjects.length, settings.excellentCap),
    subjects: subjects.map(({ subject: s, name }) => ({
      id: s.id,
      personId: s.personId,
      name,
      selfGrade: s.selfGrade,
      selfText: s.selfText,
      proposedGrade: s.proposedGrade,
      finalGrade: s.finalGrade,
      followUp: s.followUpMeasure
        ? { measure: s.followUpMeasure, dueOn: s.followUpDueOn, notes: s.followUpNotes ?? '' }
        : null,
    })),
  };
}

export async function createRound(ctx: RequestContext, input: CreateRoundRequest): Promise<RoundDetail> {
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const branch = units.find((u) => u.id === input.orgUnitId);
  if (!branch || !(await ctx.can('evaluations.read', branch.id))) throw notFound('党组织');
  if (!(await ctx.can('evaluations.manage', branch.id)))
    throw new AppError('FORBIDDEN', '只能为本人负责的党支部开展民主评议');
  if (branch.kind !== 'branch')
    throw validationFailed([{ path: 'orgUnitId', message: '民主评议党员以党支部为单位开展，请选择党支部' }]);
  const members = await repo.findMembersOfUnits(ctx.db, ctx.tenantId, collectSubtreeIds(units, branch.id));
  if (members.length === 0) throw validationFailed([{ path: 'orgUnitId', message: '该党支部没有党员，无需评议' }]);
  const exists = (
    await repo.findRounds(ctx.db, ctx.tenantId, { orgUnitIds: [branch.id], year: input.coveredYear })
  ).some((r) => r.round.pool === input.pool);
  if (exists)
    throw new AppError(
      'CONFLICT',
      `${branch.name}${String(input.coveredYear)}年度已有“${VOTER_POOL_LABELS[input.pool]}”评议`,
    );
  const round = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertRound(tx, {
      tenantId: ctx.tenantId,
      orgUnitId: branch.id,
      coveredYear: input.coveredYear,
      pool: input.pool,
      points: input.points,
    });
    await repo.insertSubjects(
      tx,
      ctx.tenantId,
      created.id,
      members.map((m) => m.id),
    );
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.round_create',
      entity: 'evaluation_round',
      entityId: created.id,
      summary: `新建${branch.name}${String(input.coveredYear)}年度民主评议（${VOTER_POOL_LABELS[input.pool]}，参评党员 ${String(members.length)} 人）`,
      after: created,
    });
    return created;
  });
  return getRound(ctx, round.id);
}

/** Moves the round one step on (stepMoveProblem), audited; `also` runs in the same transaction. */
async function moveStep(
  ctx: RequestContext,
  row: repo.JoinedRound,
  to: RoundStep,
  also?: (tx: Db) => Promise<void>,
): Promise<void> {
  const { round } = row;
  const problem = stepMoveProblem(round.step, to, round.pool);
  if (problem) throw new AppError('EVALUATION_STEP_INVALID', problem);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.moveRoundStep(tx, ctx.tenantId, round.id, round.step, to)))
      throw new AppError('EVALUATION_STEP_INVALID', '评议步骤已被他人推进，请刷新后重试');
    if (also) await also(tx);
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.step',
      entity: 'evaluation_round',
      entityId: round.id,
      summary: `${row.orgUnitName}${String(round.coveredYear)}年度民主评议：${ROUND_STEP_LABELS[round.step]} → ${ROUND_STEP_LABELS[to]}`,
      before: { step: round.step },
      after: { step: to },
    });
  });
}

export async function startSelfEvaluation(ctx: RequestContext, id: string): Promise<RoundDetail> {
  await moveStep(ctx, await managedRound(ctx, id), 'self_evaluation');
  return getRound(ctx, id);
}

/** Opens the ballots: the voter pool is fixed now (本支部党员, or every serving staff member). */
export async function openRound(ctx: RequestContext, id: string): Promise<RoundDetail> {
  const row = await managedRound(ctx, id);
  const electors =
    row.round.pool === 'all_staff'
      ? await repo.findServingStaff(ctx.db, ctx.tenantId)
      : await repo.findMembersOfUnits(
          ctx.db,
          ctx.tenantId,
          collectSubtreeIds(await repo.findOrgUnits(ctx.db, ctx.tenantId), row.round.orgUnitId),
        );
  await moveStep(ctx, row, 'voting', (tx) =>
    repo.insertElectors(
      tx,
      ctx.tenantId,
      id,
      electors.map((e) => e.id),
    ),
  );
  return getRound(ctx, id);
}

/** Ends the voting and reseals the ballots (resealBallots), so nothing in a row ties one to its voter's. */
export async function closeRound(ctx: RequestContext, id: string): Promise<RoundDetail> {
  await moveStep(ctx, await managedRound(ctx, id), 'closed', (tx) => repo.resealBallots(tx, ctx.tenantId, id));
  await repo.vacuumBallots(ctx.db).catch(() => undefined);
  return getRound(ctx, id);
}

export async function publishRound(ctx: RequestContext, id: string): Promise<RoundDetail> {
  await moveStep(ctx, await managedRound(ctx, id), 'published');
  return getRound(ctx, id);
}

/** The member writes their own self-evaluation while the round is at 个人自评 (or voting). */
export async function writeSelfEvaluation(
  ctx: RequestContext,
  id: string,
  input: SelfEvaluationRequest,
): Promise<{ ok: true }> {
  const row = await findRound(ctx, id);
  const mine = ctx.personId
    ? (await repo.findSubjects(ctx.db, ctx.tenantId, id)).find((s) => s.subject.personId === ctx.personId)
    : undefined;
  if (!mine) throw new AppError('FORBIDDEN', '您不是本轮评议的参评党员');
  if (row.round.step !== 'self_evaluation' && row.round.step !== 'voting')
    throw new AppError(
      'EVALUATION_STEP_INVALID',
      `评议当前处于“${ROUND_STEP_LABELS[row.round.step]}”，不能填写个人自评`,
    );
  await ctx.db.transaction(async (tx) => {
    await repo.updateSubject(tx, ctx.tenantId, mine.subject.id, { selfGrade: input.grade, selfText: input.text });
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.self_evaluation',
      entity: 'evaluation_round',
      entityId: id,
      summary: `${mine.name}填写${String(row.round.coveredYear)}年度民主评议个人自评（自评${EVALUATION_GRADE_LABELS[input.grade]}）`,
    });
  });
  return { ok: true };
}

/** Grades for every member, each once, within the cap on 优秀. */
async function checkGrades(
  ctx: RequestContext,
  id: string,
  grades: { subjectId: string; grade: EvaluationGrade }[],
  path: string,
) {
  const subjects = await repo.findSubjects(ctx.db, ctx.tenantId, id);
  const given = new Map<string, EvaluationGrade>();
  grades.forEach((g, i) => {
    if (!subjects.some((s) => s.subject.id === g.subjectId) || given.has(g.subjectId))
      throw validationFailed([{ path: `${path}.${String(i)}.subjectId`, message: '参评党员不在本轮评议中或重复' }]);
    given.set(g.subjectId, g.grade);
  });
  const missing = subjects.filter((s) => !given.has(s.subject.id));
  if (missing.length > 0)
    throw validationFailed([
      { path, message: `还有 ${String(missing.length)} 名党员没有等次（${missing[0]!.name}等）` },
    ]);
  const { excellentCap } = await settingsOf(ctx.db, ctx.tenantId);
  const problem = excellentCapProblem([...given.values()], excellentCap);
  if (problem) throw new AppError('EXCELLENT_CAP_EXCEEDED', problem, { issues: [{ path, message: problem }] });
  return { subjects, given };
}

export async function proposeGrades(ctx: RequestContext, id: string, input: ProposalsRequest): Promise<RoundDetail> {
  const row = await managedRound(ctx, id);
  const { given } = await checkGrades(ctx, id, input.grades, 'grades');
  await moveStep(ctx, row, 'proposed', async (tx) => {
    for (const [subjectId, grade] of given)
      await repo.updateSubject(tx, ctx.tenantId, subjectId, { proposedGrade: grade });
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.propose',
      entity: 'evaluation_round',
      entityId: id,
      summary: `支委会提出${row.orgUnitName}${String(row.round.coveredYear)}年度评议等次建议`,
    });
  });
  return getRound(ctx, id);
}

/**
 * The 支部党员大会 decides (rules.md): the vote must be one recorded at a 支部党员大会 of the round's
 * branch, under the voting rules of the meetings module, and adopted.
 */
export async function decideGrades(ctx: RequestContext, id: string, input: DecisionRequest): Promise<RoundDetail> {
  const row = await managedRound(ctx, id);
  const meeting = await findDecidingMeeting(ctx, input.meetingId, input.voteId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND')
      throw validationFailed([{ path: e.message.startsWith('表决') ? 'voteId' : 'meetingId', message: e.message }]);
    throw e;
  });
  if (meeting.orgUnitId !== row.round.orgUnitId || meeting.type !== 'branch_general')
    throw validationFailed([{ path: 'meetingId', message: `评议等次须由${row.orgUnitName}的支部党员大会决定` }]);
  if (!meeting.vote?.adopted)
    throw validationFailed([{ path: 'voteId', message: '该表决未获通过，不能作为党员大会的决定' }]);
  const subjects = await repo.findSubjects(ctx.db, ctx.tenantId, id);
  const grades =
    input.grades ?? subjects.map((s) => ({ subjectId: s.subject.id, grade: s.subject.proposedGrade ?? 'qualified' }));
  const { given } = await checkGrades(ctx, id, grades, 'grades');
  await moveStep(ctx, row, 'decided', async (tx) => {
    await repo.updateRound(tx, ctx.tenantId, id, { meetingId: meeting.id, voteId: meeting.vote!.id });
    for (const [subjectId, grade] of given)
      await repo.updateSubject(tx, ctx.tenantId, subjectId, {
        finalGrade: grade,
        // 不合格 is acted on: a follow-up record from the decision on (限期改正 unless changed).
        ...(grade === 'unqualified' ? { followUpMeasure: 'rectify_within_limit' as const } : {}),
      });
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.decide',
      entity: 'evaluation_round',
      entityId: id,
      summary: `${meeting.title}决定${row.orgUnitName}${String(row.round.coveredYear)}年度民主评议等次（表决「${meeting.vote!.subject}」通过）`,
    });
  });
  return getRound(ctx, id);
}

export async function recordFollowUp(
  ctx: RequestContext,
  id: string,
  subjectId: string,
  input: FollowUpRequest,
): Promise<RoundDetail> {
  const row = await managedRound(ctx, id);
  const subject = (await repo.findSubjects(ctx.db, ctx.tenantId, id)).find((s) => s.subject.id === subjectId);
  if (!subject) throw notFound('参评党员');
  if (subject.subject.finalGrade !== 'unqualified')
    throw new AppError('EVALUATION_STEP_INVALID', '只有党员大会评定为不合格的党员需要登记处置');
  await ctx.db.transaction(async (tx) => {
    await repo.updateSubject(tx, ctx.tenantId, subjectId, {
      followUpMeasure: input.measure,
      followUpDueOn: input.dueOn ?? null,
      followUpNotes: input.notes ?? null,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'evaluation.follow_up',
      entity: 'evaluation_round',
      entityId: row.round.id,
      summary: `登记${subject.name}${String(row.round.coveredYear)}年度评议不合格的处置`,
      after: input,
    });
  });
  return getRound(ctx, id);
}
