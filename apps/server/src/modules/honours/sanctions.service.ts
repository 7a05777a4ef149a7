import {
  SANCTION_KIND_LABELS,
  SANCTION_LEVEL_LABELS,
  type Sanction,
  type SanctionKind,
  type SanctionRequest,
  type UpdateSanctionRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit, type Actor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { resolveScope } from '../../platform/policy.ts';
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
  db: Db,
  auth: AuthContext,
  q: { personId?: string | undefined; kind?: SanctionKind | undefined },
): Promise<Sanction[]> {
  const tenantId = auth.user.tenantId;
  const own = q.personId !== undefined && q.personId === auth.user.personId;
  if (!own) {
    if (auth.permissions.has('honours.manage')) {
      // Registrars see the whole court's record.
    } else if (auth.permissions.has('people.read')) {
      if (q.personId === undefined) throw new AppError('FORBIDDEN', '请指定人员查看其奖惩记录');
      const person = await repo.findPerson(db, tenantId, q.personId);
      const scope = await resolveScope(db, auth.user.tenantId, auth.grants, 'people.read');
      if (!person || !(scope.all || (person.orgUnitId !== null && scope.orgUnitIds.includes(person.orgUnitId))))
        throw notFound('人员');
    } else if (q.personId === undefined && auth.user.personId) {
      q = { ...q, personId: auth.user.personId };
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

export async function createSanction(db: Db, actor: Actor, input: SanctionRequest): Promise<Sanction> {
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

export async function updateSanction(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateSanctionRequest,
): Promise<Sanction> {
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

export async function deleteSanction(db: Db, actor: Actor, id: string): Promise<void> {
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
