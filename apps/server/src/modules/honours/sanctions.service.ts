import {
  SANCTION_KIND_LABELS,
  SANCTION_LEVEL_LABELS,
  type Sanction,
  type SanctionKind,
  type SanctionRequest,
  type UpdateSanctionRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './honours.repo.ts';

function toSanction({ sanction: s, personName }: { sanction: repo.SanctionRow; personName: string }): Sanction {
  return {
    id: s.id,
    personId: s.personId,
    personName,
    kind: s.kind,
    title: s.title,
    level: s.level,
    decidedOn: s.decidedOn,
    reason: s.reason,
    issuedBy: s.issuedBy,
  };
}

/**
 * 奖惩 are personal records: everyone sees their own; the roster's readers (within their reach) and
 * those who register them see others'. Someone without either is not told another person exists.
 */
export async function listSanctions(
  ctx: RequestContext,
  q: { personId?: string | undefined; kind?: SanctionKind | undefined },
): Promise<Sanction[]> {
  const { db, tenantId } = ctx;
  const own = q.personId !== undefined && q.personId === ctx.personId;
  if (!own) {
    if (ctx.has('honours.manage')) {
      // Registrars see the whole court's record.
    } else if (ctx.has('people.read')) {
      if (q.personId === undefined) throw new AppError('FORBIDDEN', '请指定人员查看其奖惩记录');
      const person = await repo.findPerson(db, tenantId, q.personId);
      if (!person || !(await ctx.can('people.read', person.orgUnitId))) throw notFound('人员');
    } else if (q.personId === undefined && ctx.personId) {
      q = { ...q, personId: ctx.personId };
    } else {
      throw new AppError('FORBIDDEN', '只能查看本人的奖惩记录');
    }
  }
  const rows = await repo.findSanctions(db, repo.sanctionConditions(tenantId, { personId: q.personId, kind: q.kind }));
  return rows.map(toSanction);
}

async function loadSanction(db: Db, tenantId: string, id: string): Promise<Sanction> {
  const [row] = await repo.findSanctions(db, repo.sanctionConditions(tenantId, { id }));
  if (!row) throw notFound('奖惩记录');
  return toSanction(row);
}

export async function createSanction(ctx: RequestContext, input: SanctionRequest): Promise<Sanction> {
  const { db, actor } = ctx;
  const person = await repo.findPerson(db, actor.tenantId, input.personId);
  if (!person) throw validationFailed([{ path: 'personId', message: '所选人员不存在' }]);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertSanction(tx, { tenantId: actor.tenantId, ...input });
    await writeAudit(tx, actor, {
      action: 'sanction.create',
      entity: 'sanction',
      entityId: created.id,
      summary: `登记${SANCTION_KIND_LABELS[created.kind]}：${person.name}，${created.title}（${SANCTION_LEVEL_LABELS[created.level]}，${created.issuedBy}）`,
      after: created,
    });
    return created;
  });
  return loadSanction(db, actor.tenantId, row.id);
}

export async function updateSanction(ctx: RequestContext, id: string, input: UpdateSanctionRequest): Promise<Sanction> {
  const { db, actor } = ctx;
  const [before] = await repo.findSanctions(db, repo.sanctionConditions(actor.tenantId, { id }));
  if (!before) throw notFound('奖惩记录');
  await db.transaction(async (tx) => {
    await repo.updateSanction(tx, actor.tenantId, id, input);
    const diff = diffFields(before.sanction, input);
    if (diff)
      await writeAudit(tx, actor, {
        action: 'sanction.update',
        entity: 'sanction',
        entityId: id,
        summary: `修改奖惩记录：${before.personName}，${input.title ?? before.sanction.title}`,
        ...diff,
      });
  });
  return loadSanction(db, actor.tenantId, id);
}

export async function deleteSanction(ctx: RequestContext, id: string): Promise<void> {
  const { db, actor } = ctx;
  const [before] = await repo.findSanctions(db, repo.sanctionConditions(actor.tenantId, { id }));
  if (!before) throw notFound('奖惩记录');
  await db.transaction(async (tx) => {
    await repo.deleteSanction(tx, actor.tenantId, id);
    await writeAudit(tx, actor, {
      action: 'sanction.delete',
      entity: 'sanction',
      entityId: id,
      summary: `删除奖惩记录：${before.personName}，${before.sanction.title}`,
      before: before.sanction,
    });
  });
}
