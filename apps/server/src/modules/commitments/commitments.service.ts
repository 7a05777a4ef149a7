import {
  COMMITMENT_STATUS_LABELS,
  isCommitmentEditable,
  ORG_KIND_LABELS,
  PROMISE_RESULT_LABELS,
  type Commitment,
  type CommitmentStatus,
  type CreateCommitmentRequest,
  type FieldIssue,
  type PromiseResultsRequest,
  type UpdateCommitmentRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { toCommitments } from './commitments.mapping.ts';
import * as repo from './commitments.repo.ts';

/** Organisations that make a commitment of their own: branches and the bodies above them, not cells. */
const COMMITTING_ORG_KINDS = ['branch', 'general_branch', 'party_committee'] as const;

/** Speaks for an organisation's commitment: whoever manages its goals or approves its commitments. */
async function speaksFor(ctx: RequestContext, orgUnitId: string | null): Promise<boolean> {
  return (await ctx.can('goals.manage', orgUnitId)) || (await ctx.can('commitments.approve', orgUnitId));
}

/** A member for their own commitment; for an organisation's, whoever manages or approves for it. */
async function isOwner(ctx: RequestContext, row: repo.JoinedCommitment): Promise<boolean> {
  const c = row.commitment;
  if (c.ownerKind === 'person') return ctx.personId !== null && c.ownerPersonId === ctx.personId;
  return speaksFor(ctx, c.ownerOrgUnitId);
}

/** The secretary of the owner's organisation (a member's 党小组 lies within the branch). */
async function mayApprove(ctx: RequestContext, row: repo.JoinedCommitment): Promise<boolean> {
  const unit = row.commitment.ownerKind === 'person' ? row.personOrgUnitId : row.commitment.ownerOrgUnitId;
  return ctx.can('commitments.approve', unit);
}

async function requireVisible(ctx: RequestContext, id: string): Promise<repo.JoinedCommitment> {
  const [row] = await repo.findCommitments(ctx.db, repo.commitmentConditions(ctx.tenantId, { id }));
  if (!row) throw notFound('公开承诺');
  const visible = row.commitment.status === 'published' || ctx.has('commitments.read') || (await isOwner(ctx, row));
  if (!visible) throw notFound('公开承诺');
  return row;
}

async function reload(db: Db, tenantId: string, id: string): Promise<Commitment> {
  const rows = await repo.findCommitments(db, repo.commitmentConditions(tenantId, { id }));
  return (await toCommitments(db, tenantId, rows))[0]!;
}

export async function listCommitments(
  ctx: RequestContext,
  year: number,
  status: CommitmentStatus | undefined,
): Promise<Commitment[]> {
  const { db, tenantId } = ctx;
  // Everyone sees what is published; reviewing the rest takes commitments.read.
  const effective = ctx.has('commitments.read') ? status : 'published';
  if (effective !== status && status !== undefined && status !== 'published') return [];
  const rows = await repo.findCommitments(db, repo.commitmentConditions(tenantId, { year, status: effective }));
  return toCommitments(db, tenantId, rows);
}

export async function findMyCommitment(ctx: RequestContext, year: number): Promise<Commitment | null> {
  const { db, tenantId, personId } = ctx;
  if (!personId) return null;
  const rows = await repo.findCommitments(db, repo.commitmentConditions(tenantId, { year, personId }));
  return (await toCommitments(db, tenantId, rows))[0] ?? null;
}

async function checkGoalLinks(
  db: Db,
  tenantId: string,
  year: number,
  owner: { orgUnitId: string | null; personId: string | null },
  promises: UpdateCommitmentRequest['promises'],
): Promise<void> {
  const own = await repo.findOwnerGoalIds(db, tenantId, year, owner);
  const issues: FieldIssue[] = [];
  promises.forEach((p, i) => {
    if (p.goalId && !own.has(p.goalId))
      issues.push({ path: `promises.${String(i)}.goalId`, message: `只能关联本人（本组织）${String(year)}年度的目标` });
  });
  if (issues.length > 0) throw validationFailed(issues);
}

export async function createCommitment(ctx: RequestContext, input: CreateCommitmentRequest): Promise<Commitment> {
  const { db, tenantId, actor } = ctx;
  let owner: { orgUnitId: string | null; personId: string | null };
  let ownerName: string;
  if (input.ownerKind === 'person') {
    const personId = ctx.personId;
    if (!personId) throw new AppError('FORBIDDEN', '当前账号没有关联党员，不能作出个人承诺');
    const person = await repo.findPersonForCommitment(db, tenantId, personId);
    if (!person || (person.status !== 'full' && person.status !== 'probationary'))
      throw new AppError('FORBIDDEN', '公开承诺由党员（含预备党员）作出');
    owner = { orgUnitId: null, personId };
    ownerName = person.name;
  } else {
    if (!input.orgUnitId) throw validationFailed([{ path: 'orgUnitId', message: '请选择作出承诺的党组织' }]);
    const unit = await repo.findOrgUnit(db, tenantId, input.orgUnitId);
    if (!unit) throw validationFailed([{ path: 'orgUnitId', message: '所选党组织不存在' }]);
    if (!(COMMITTING_ORG_KINDS as readonly string[]).includes(unit.kind))
      throw validationFailed([{ path: 'orgUnitId', message: `${ORG_KIND_LABELS[unit.kind]}不单独作出组织承诺` }]);
    if (!(await speaksFor(ctx, unit.id))) throw new AppError('FORBIDDEN', '只能为本人负责的党组织作出承诺');
    owner = { orgUnitId: unit.id, personId: null };
    ownerName = unit.name;
  }
  if (await repo.findExisting(db, tenantId, input.year, owner)) throw new AppError('COMMITMENT_EXISTS');
  await checkGoalLinks(db, tenantId, input.year, owner, input.promises);
  const created = await db.transaction(async (tx) => {
    const row = await repo.insertCommitment(tx, {
      tenantId,
      year: input.year,
      ownerKind: input.ownerKind,
      ownerOrgUnitId: owner.orgUnitId,
      ownerPersonId: owner.personId,
    });
    await repo.replacePromises(
      tx,
      tenantId,
      row.id,
      input.promises.map((p) => ({ text: p.text, goalId: p.goalId ?? null })),
    );
    await writeAudit(tx, actor, {
      action: 'commitment.create',
      entity: 'commitment',
      entityId: row.id,
      summary: `拟定${String(input.year)}年度公开承诺：${ownerName}（${String(input.promises.length)}条）`,
      after: { ...row, promises: input.promises },
    });
    return row;
  });
  return reload(db, tenantId, created.id);
}

export async function updateCommitment(
  ctx: RequestContext,
  id: string,
  input: UpdateCommitmentRequest,
): Promise<Commitment> {
  const { db, actor } = ctx;
  const row = await requireVisible(ctx, id);
  if (!(await isOwner(ctx, row))) throw new AppError('FORBIDDEN', '只能修改本人（本组织）的承诺');
  const c = row.commitment;
  if (!isCommitmentEditable(c.status))
    throw new AppError('COMMITMENT_STATE_INVALID', `承诺${COMMITMENT_STATUS_LABELS[c.status]}，不能修改`);
  await checkGoalLinks(
    db,
    c.tenantId,
    c.year,
    { orgUnitId: c.ownerOrgUnitId, personId: c.ownerPersonId },
    input.promises,
  );
  const before = await reload(db, c.tenantId, id);
  await db.transaction(async (tx) => {
    await repo.replacePromises(
      tx,
      c.tenantId,
      id,
      input.promises.map((p) => ({ text: p.text, goalId: p.goalId ?? null })),
    );
    await repo.updateCommitment(tx, c.tenantId, id, {});
    await writeAudit(tx, actor, {
      action: 'commitment.update',
      entity: 'commitment',
      entityId: id,
      summary: `修改公开承诺：${before.ownerName}`,
      before: { promises: before.promises.map((p) => p.text) },
      after: { promises: input.promises.map((p) => p.text) },
    });
  });
  return reload(db, c.tenantId, id);
}

/** Moves a commitment along draft → submitted → published (or back to returned). */
export async function changeCommitmentStatus(
  ctx: RequestContext,
  id: string,
  action: 'submit' | 'approve' | 'return',
  note = '',
): Promise<Commitment> {
  const { db, actor } = ctx;
  const row = await requireVisible(ctx, id);
  const c = row.commitment;
  const allowed = action === 'submit' ? await isOwner(ctx, row) : await mayApprove(ctx, row);
  if (!allowed)
    throw new AppError('FORBIDDEN', action === 'submit' ? '只能提交本人（本组织）的承诺' : '公开承诺由所在党支部审核');
  const from: readonly CommitmentStatus[] = action === 'submit' ? ['draft', 'returned'] : ['submitted'];
  if (!from.includes(c.status))
    throw new AppError(
      'COMMITMENT_STATE_INVALID',
      `承诺${COMMITMENT_STATUS_LABELS[c.status]}，不能${ACTION_LABELS[action]}`,
    );
  const now = new Date();
  const values =
    action === 'submit'
      ? { status: 'submitted' as const, submittedAt: now, reviewNote: null }
      : {
          status: action === 'approve' ? ('published' as const) : ('returned' as const),
          reviewedByUserId: actor.userId,
          reviewedByName: actor.name,
          reviewedAt: now,
          reviewNote: note || null,
          publishedAt: action === 'approve' ? now : null,
        };
  await db.transaction(async (tx) => {
    await repo.updateCommitment(tx, c.tenantId, id, values);
    await writeAudit(tx, actor, {
      action: `commitment.${action}`,
      entity: 'commitment',
      entityId: id,
      summary: `${ACTION_LABELS[action]}公开承诺：${(c.ownerKind === 'person' ? row.personName : row.unitName) ?? ''}${note ? `，意见：${note}` : ''}`,
      before: { status: c.status },
      after: { status: values.status },
    });
  });
  return reload(db, c.tenantId, id);
}

const ACTION_LABELS = { submit: '提交', approve: '审核公开', return: '退回' } as const;

/** Year end: the owner assesses each promise, then the branch verifies; verification closes it. */
export async function recordPromiseResults(
  ctx: RequestContext,
  id: string,
  stage: 'self' | 'verify',
  input: PromiseResultsRequest,
): Promise<Commitment> {
  const { db, actor } = ctx;
  const row = await requireVisible(ctx, id);
  const c = row.commitment;
  const allowed = stage === 'self' ? await isOwner(ctx, row) : await mayApprove(ctx, row);
  if (!allowed)
    throw new AppError('FORBIDDEN', stage === 'self' ? '只能自评本人（本组织）的承诺' : '承诺兑现情况由所在党支部核实');
  if (c.status !== 'published') throw new AppError('COMMITMENT_STATE_INVALID', '承诺公开后才能评价兑现情况');
  if (c.verifiedAt && stage === 'self') throw new AppError('COMMITMENT_STATE_INVALID', '支部已核实，不能再修改自评');
  const current = await reload(db, c.tenantId, id);
  const ids = new Set(current.promises.map((p) => p.id));
  const issues: FieldIssue[] = input.promises
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !ids.has(p.id))
    .map(({ i }) => ({ path: `promises.${String(i)}.id`, message: '不是本承诺的条目' }));
  if (stage === 'verify' && new Set(input.promises.map((p) => p.id)).size !== ids.size)
    issues.push({ path: 'promises', message: '请逐条核实全部承诺' });
  if (issues.length > 0) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    for (const p of input.promises) {
      await repo.updatePromise(
        tx,
        c.tenantId,
        p.id,
        stage === 'self'
          ? { selfAssessment: p.result, selfNote: p.note ?? null }
          : { verifiedResult: p.result, verificationNote: p.note ?? null },
      );
    }
    if (stage === 'verify')
      await repo.updateCommitment(tx, c.tenantId, id, { verifiedAt: new Date(), verifiedByName: actor.name });
    await writeAudit(tx, actor, {
      action: stage === 'self' ? 'commitment.self_assess' : 'commitment.verify',
      entity: 'commitment',
      entityId: id,
      summary: `${stage === 'self' ? '自评' : '核实'}承诺兑现情况：${current.ownerName}（${input.promises
        .map((p) => PROMISE_RESULT_LABELS[p.result])
        .join('、')}）`,
      after: input.promises,
    });
  });
  return reload(db, c.tenantId, id);
}
