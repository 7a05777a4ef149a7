import {
  HONOUR_KIND_LABELS,
  HONOUR_LEVEL_LABELS,
  type Honour,
  type HonourRequest,
  type HonoursResponse,
  type UpdateHonourRequest,
} from '@qizhi/domain';
import { diffFields, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { mayAttach } from '../files/index.ts';
import * as repo from './honours.repo.ts';

function toHonour({ honour: h, personName, fileName, fileMime, fileSize }: repo.JoinedHonour): Honour {
  return {
    id: h.id,
    kind: h.kind,
    title: h.title,
    level: h.level,
    awardedOn: h.awardedOn,
    issuedBy: h.issuedBy,
    recipientName: h.kind === 'individual' ? (personName ?? h.recipientName) : h.recipientName,
    personId: h.personId,
    certificate:
      h.certificateFileId && fileName !== null && fileMime !== null && fileSize !== null
        ? { id: h.certificateFileId, name: fileName, mime: fileMime, size: fileSize }
        : null,
    notes: h.notes,
  };
}

export async function listHonours(
  ctx: RequestContext,
  q: Parameters<typeof repo.honourConditions>[1],
): Promise<HonoursResponse> {
  const items = (await repo.findHonours(ctx.db, repo.honourConditions(ctx.tenantId, q))).map(toHonour);
  const byLevel = { county: 0, city: 0, province: 0, national: 0 };
  for (const h of items) byLevel[h.level]++;
  return { items, total: items.length, byLevel };
}

async function loadHonour(db: Db, tenantId: string, id: string): Promise<Honour> {
  const [found] = await repo.findHonours(db, repo.honourConditions(tenantId, { id }));
  if (!found) throw notFound('荣誉');
  return toHonour(found);
}

/** A collective honour names its recipient; an individual one points at a person of the court. */
async function resolveRecipient(
  db: Db,
  tenantId: string,
  kind: HonourRequest['kind'],
  input: { recipientName?: string | undefined; personId?: string | undefined },
): Promise<{ recipientName: string; personId: string | null }> {
  if (kind === 'collective') {
    if (!input.recipientName) throw validationFailed([{ path: 'recipientName', message: '请填写获奖集体' }]);
    if (input.personId) throw validationFailed([{ path: 'personId', message: '集体荣誉不关联个人' }]);
    return { recipientName: input.recipientName, personId: null };
  }
  if (!input.personId) throw validationFailed([{ path: 'personId', message: '请选择获奖个人' }]);
  const person = await repo.findPerson(db, tenantId, input.personId);
  if (!person) throw validationFailed([{ path: 'personId', message: '所选人员不存在' }]);
  return { recipientName: person.name, personId: person.id };
}

async function checkCertificate(ctx: RequestContext, fileId: string | null | undefined, keep: string | null = null) {
  if (fileId && !(await repo.fileExists(ctx.db, ctx.tenantId, fileId)))
    throw validationFailed([{ path: 'certificateFileId', message: '证书扫描件不存在，请重新上传' }]);
  // Only a scan one uploaded oneself (or the one already there): an id seen elsewhere is no way to a file.
  if (fileId && !(await mayAttach(ctx, [fileId], keep)))
    throw validationFailed([{ path: 'certificateFileId', message: '只能附加本人上传的证书扫描件，请重新上传' }]);
}

export async function createHonour(ctx: RequestContext, input: HonourRequest): Promise<Honour> {
  const { db, actor } = ctx;
  const recipient = await resolveRecipient(db, actor.tenantId, input.kind, input);
  await checkCertificate(ctx, input.certificateFileId);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertHonour(tx, {
      tenantId: actor.tenantId,
      kind: input.kind,
      title: input.title,
      level: input.level,
      awardedOn: input.awardedOn,
      issuedBy: input.issuedBy,
      ...recipient,
      certificateFileId: input.certificateFileId ?? null,
      notes: input.notes ?? null,
    });
    await writeAudit(tx, actor, {
      action: 'honour.create',
      entity: 'honour',
      entityId: created.id,
      summary: `登记${HONOUR_KIND_LABELS[created.kind]}：${created.recipientName}获“${created.title}”（${HONOUR_LEVEL_LABELS[created.level]}，${created.issuedBy}）`,
      after: created,
    });
    return created;
  });
  return loadHonour(db, actor.tenantId, row.id);
}

export async function updateHonour(ctx: RequestContext, id: string, input: UpdateHonourRequest): Promise<Honour> {
  const { db, actor } = ctx;
  const before = await repo.findHonour(db, actor.tenantId, id);
  if (!before) throw notFound('荣誉');
  const kind = input.kind ?? before.kind;
  const recipient =
    input.kind !== undefined || input.personId !== undefined || input.recipientName !== undefined
      ? await resolveRecipient(db, actor.tenantId, kind, {
          recipientName: input.recipientName ?? (kind === 'collective' ? before.recipientName : undefined),
          personId: input.personId ?? (kind === 'individual' ? (before.personId ?? undefined) : undefined),
        })
      : {};
  await checkCertificate(ctx, input.certificateFileId, before.certificateFileId);
  const { personId: _p, recipientName: _r, ...rest } = input;
  const values = { ...rest, ...recipient };
  await db.transaction(async (tx) => {
    await repo.updateHonour(tx, actor.tenantId, id, values);
    const diff = diffFields(before, values);
    if (diff)
      await writeAudit(tx, actor, {
        action: 'honour.update',
        entity: 'honour',
        entityId: id,
        summary: `修改荣誉：${input.title ?? before.title}`,
        ...diff,
      });
  });
  return loadHonour(db, actor.tenantId, id);
}

export async function deleteHonour(ctx: RequestContext, id: string): Promise<void> {
  const { db, actor } = ctx;
  const before = await repo.findHonour(db, actor.tenantId, id);
  if (!before) throw notFound('荣誉');
  await db.transaction(async (tx) => {
    await repo.deleteHonour(tx, actor.tenantId, id);
    await writeAudit(tx, actor, {
      action: 'honour.delete',
      entity: 'honour',
      entityId: id,
      summary: `删除荣誉：${before.recipientName}“${before.title}”`,
      before,
    });
  });
}
