import {
  checkStep,
  stepDef,
  trainingSufficient,
  type DevelopmentRecord,
  type PersonStatus,
  type RecordStepRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { mayAttach } from '../files/index.ts';
import { findMembershipVotes, type MembershipVote } from '../meetings/index.ts';
import { probationEnd, stateOf, toRecord, type PersonRows } from './development-record.ts';
import { resolveVote } from './development-votes.ts';
import * as repo from './development.repo.ts';

type StepInput = Omit<RecordStepRequest, 'step'> & { step: number };

/** The person, if the caller may act on them with the permission (or read themselves). */
export async function reachablePerson(
  ctx: RequestContext,
  permission: 'development.read' | 'development.manage',
  personId: string,
  opts: { self?: boolean } = {},
): Promise<repo.DevelopmentPerson> {
  const person = await repo.findPerson(ctx.db, ctx.tenantId, personId);
  if (!person) throw notFound('人员');
  if (opts.self && ctx.personId === person.id) return person;
  if (!(await ctx.can(permission, person.orgUnitId))) throw notFound('人员');
  return person;
}

async function loadRows(db: Db, tenantId: string, personId: string): Promise<PersonRows> {
  const [steps, assessments, extensions] = await Promise.all([
    repo.findSteps(db, tenantId, [personId]),
    repo.findAssessments(db, tenantId, [personId]),
    repo.findExtensions(db, tenantId, [personId]),
  ]);
  return { steps, assessments, extension: extensions[0] };
}

export async function getDevelopment(ctx: RequestContext, personId: string): Promise<DevelopmentRecord> {
  const person = await reachablePerson(ctx, 'development.read', personId, { self: true });
  return recordOf(ctx, person);
}

export async function recordOf(ctx: RequestContext, person: repo.DevelopmentPerson): Promise<DevelopmentRecord> {
  const rows = await loadRows(ctx.db, ctx.tenantId, person.id);
  const fileIds = rows.steps.flatMap((s) => s.fileIds);
  const personIds = rows.steps.flatMap((s) => s.personIds);
  const [files, people, units, votes] = await Promise.all([
    repo.findFiles(ctx.db, ctx.tenantId, fileIds),
    repo.findPeopleByIds(ctx.db, ctx.tenantId, personIds),
    repo.findOrgUnits(ctx.db, ctx.tenantId),
    Promise.all(
      rows.steps.flatMap((s) =>
        s.voteId ? [findMembershipVotes(ctx.db, ctx.tenantId, { voteId: s.voteId, kind: 'admission' })] : [],
      ),
    ),
  ]);
  return toRecord(person, units.find((u) => u.id === person.orgUnitId)?.name ?? null, rows, {
    files: new Map(files.map((f) => [f.id, f])),
    people: new Map(people.map((p) => [p.id, p.name])),
    votes: new Map(votes.flat().map((v) => [v.id, v])),
  });
}

/** What recording the step does to the roster (status and dates), if anything. */
function membershipChange(
  step: number,
  person: repo.DevelopmentPerson,
  rows: PersonRows,
  input: StepInput,
): { status?: PersonStatus; joinedOn?: string | null; confirmedOn?: string | null } | null {
  const on = rows.steps.find((s) => s.step === 15)?.doneOn;
  switch (step) {
    case 1:
      return person.status === 'non_party' ? { status: 'applicant' } : null;
    case 3:
      return { status: 'activist' };
    case 7:
      return { status: 'candidate' };
    case 17:
      // 预备期 and 党龄 count from the branch general meeting's vote.
      return { status: 'probationary', joinedOn: on ?? input.on };
    case 24:
      return input.outcome === 'cancel'
        ? { status: 'non_party', joinedOn: null }
        : { status: 'full', confirmedOn: probationEnd(person, stateOf(person, rows)) ?? input.on };
    default:
      return null;
  }
}

async function checkStepInputs(ctx: RequestContext, input: StepInput): Promise<Record<string, unknown> | null> {
  const { step } = input;
  // Documents are attached only by whoever uploaded them (files/mayAttach).
  if (input.fileIds?.length && !(await mayAttach(ctx, input.fileIds)))
    throw validationFailed([{ path: 'fileIds', message: '材料文件不存在或不是您上传的，请重新上传' }]);
  if (input.personIds?.length) {
    if (step !== 5 && step !== 9)
      throw validationFailed([
        { path: 'personIds', message: '只有第5步（培养联系人）和第9步（入党介绍人）需要选择人员' },
      ]);
    const found = await repo.findPeopleByIds(ctx.db, ctx.tenantId, input.personIds);
    if (found.length !== new Set(input.personIds).size || found.some((p) => p.status !== 'full'))
      throw validationFailed([{ path: 'personIds', message: '培养联系人和入党介绍人须为本院正式党员' }]);
    if (step === 9 && found.length !== 2)
      throw validationFailed([{ path: 'personIds', message: '入党介绍人应为2名正式党员' }]);
  }
  if (step === 11) {
    if (input.trainingDays === undefined && input.trainingHours === undefined)
      throw validationFailed([{ path: 'trainingDays', message: '请填写集中培训的天数或学时' }]);
    if (!trainingSufficient(input.trainingDays, input.trainingHours)) throw new AppError('TRAINING_INSUFFICIENT');
    return { trainingDays: input.trainingDays ?? null, trainingHours: input.trainingHours ?? null };
  }
  if (step === 24) return { outcome: input.outcome ?? 'convert' };
  if (input.outcome) throw validationFailed([{ path: 'outcome', message: '只有第24步填写审批结果' }]);
  return null;
}

/** 登记一步: in order, no earlier than the rules allow (the refusal says when), votes from the meeting. */
export async function recordStep(ctx: RequestContext, personId: string, input: StepInput): Promise<DevelopmentRecord> {
  const person = await reachablePerson(ctx, 'development.manage', personId);
  if (input.step === 1 && (person.status === 'full' || person.status === 'probationary'))
    throw new AppError('CONFLICT', `${person.name}已是党员，不能登记入党申请`);
  const rows = await loadRows(ctx.db, ctx.tenantId, person.id);
  const check = checkStep(input.step, input.on, stateOf(person, rows), { specialReason: !!input.specialReason });
  if (!check.ok) {
    if (check.code === 'STEP_TOO_EARLY')
      throw new AppError('STEP_TOO_EARLY', check.message, { earliest: check.earliest });
    if (check.code === 'STEP_OUT_OF_ORDER')
      throw new AppError('STEP_OUT_OF_ORDER', check.message, { missing: check.missing });
    if (check.code === 'STEP_TOO_LATE') throw new AppError('STEP_TOO_LATE', check.message, { latest: check.latest });
    throw new AppError('STEP_ALREADY_RECORDED', check.message);
  }
  const details = await checkStepInputs(ctx, input);
  let vote: MembershipVote | null = null;
  if (input.step === 15 || input.step === 23) vote = await resolveVote(ctx, person, input.step, input.on, input.voteId);
  else if (input.voteId)
    throw validationFailed([{ path: 'voteId', message: '只有第15步和第23步来自支部党员大会表决' }]);
  const change = membershipChange(input.step, person, rows, input);
  const def = stepDef(input.step);
  await ctx.db.transaction(async (tx) => {
    await repo.insertStep(tx, {
      tenantId: ctx.tenantId,
      personId: person.id,
      step: input.step,
      doneOn: input.on,
      who: input.who ?? ctx.actor.name,
      recordedByName: ctx.actor.name,
      notes: input.notes ?? null,
      late: check.late,
      warning: check.warning ?? (check.late && input.specialReason ? `特殊情况：${input.specialReason}` : null),
      fileIds: input.fileIds ?? [],
      personIds: input.personIds ?? [],
      voteId: vote?.id ?? null,
      details: { ...details, ...(change ? { previous: { status: person.status, joinedOn: person.joinedOn } } : {}) },
    });
    if (change) await repo.updatePersonMembership(tx, ctx.tenantId, person.id, change);
    await writeAudit(tx, ctx.actor, {
      action: 'development.step',
      entity: 'development',
      entityId: person.id,
      summary: `${person.name}：第${String(input.step)}步 ${def.label}（${input.on}）${check.late ? '，逾期' : ''}`,
      after: { step: input.step, on: input.on, voteId: vote?.id ?? null, ...change },
    });
  });
  return getDevelopment(ctx, person.id);
}

/** Corrects a mistake: only the last recorded step is withdrawn, and the roster status with it. */
export async function undoStep(ctx: RequestContext, personId: string, step: number): Promise<DevelopmentRecord> {
  const person = await reachablePerson(ctx, 'development.manage', personId);
  const rows = await loadRows(ctx.db, ctx.tenantId, person.id);
  const last = rows.steps.at(-1);
  if (!last || last.step !== step) {
    if (!rows.steps.some((s) => s.step === step)) throw notFound('该步骤记录');
    throw new AppError('STEP_NOT_LAST');
  }
  const previous = (last.details?.previous ?? null) as { status: PersonStatus; joinedOn: string | null } | null;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteStep(tx, ctx.tenantId, person.id, step);
    if (previous)
      await repo.updatePersonMembership(tx, ctx.tenantId, person.id, {
        ...previous,
        ...(step === 24 ? { confirmedOn: null } : {}),
      });
    await writeAudit(tx, ctx.actor, {
      action: 'development.step_undo',
      entity: 'development',
      entityId: person.id,
      summary: `撤销${person.name}第${String(step)}步（${stepDef(step).label}，${last.doneOn}）`,
      before: last,
    });
  });
  return getDevelopment(ctx, person.id);
}
