import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { sha256, type FileStorage } from '../../platform/storage.ts';
import type { AttachmentHolder } from './attachments.ts';
import * as repo from './files.repo.ts';

/**
 * An Office Open XML file is a zip: it starts with a local file header. Compared as bytes, so a file of
 * fewer than four bytes is simply not one (`readUInt32LE` threw past the end: a 500, found by fuzzing).
 */
const isZip = (b: Buffer) => b.subarray(0, 4).toString('hex') === '504b0304';

/** What may be uploaded: pictures, PDF and office documents — what evidence and records are. */
const ALLOWED: Record<string, { mime: string; magic: (b: Buffer) => boolean }> = {
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  png: { mime: 'image/png', magic: (b) => b.subarray(0, 4).toString('hex') === '89504e47' },
  gif: { mime: 'image/gif', magic: (b) => b.subarray(0, 3).toString() === 'GIF' },
  webp: { mime: 'image/webp', magic: (b) => b.subarray(8, 12).toString() === 'WEBP' },
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 4).toString() === '%PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: isZip,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: isZip,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: isZip,
  },
  doc: { mime: 'application/msword', magic: (b) => b.subarray(0, 4).toString('hex') === 'd0cf11e0' },
  xls: { mime: 'application/vnd.ms-excel', magic: (b) => b.subarray(0, 4).toString('hex') === 'd0cf11e0' },
  wps: { mime: 'application/vnd.ms-works', magic: (b) => b.subarray(0, 4).toString('hex') === 'd0cf11e0' },
  txt: { mime: 'text/plain; charset=utf-8', magic: () => true },
};
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

export interface StoredFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** The name as shown and downloaded: no folders, no characters Windows refuses, at most 120. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f:*?"<>|]/g, '_')
      .trim()
      .slice(-120) || '未命名文件'
  );
}

export interface UploadLimits {
  maxBytes: number;
  quotaPersonBytes: number;
  quotaCourtBytes: number;
}

function megabytes(bytes: number): string {
  return `${String(Math.round((bytes / 1024 / 1024) * 10) / 10)}MB`;
}

function assertWithinQuota(used: { court: number; person: number }, size: number, limits: UploadLimits): void {
  if (used.person + size > limits.quotaPersonBytes)
    throw new AppError(
      'FILE_QUOTA_EXCEEDED',
      `您上传的附件已达个人限额${megabytes(limits.quotaPersonBytes)}（已用${megabytes(used.person)}），本文件未保存`,
    );
  if (used.court + size > limits.quotaCourtBytes)
    throw new AppError(
      'FILE_QUOTA_EXCEEDED',
      `本院附件已达总限额${megabytes(limits.quotaCourtBytes)}（已用${megabytes(used.court)}），本文件未保存，请联系系统管理员`,
    );
}

export async function storeFile(
  ctx: RequestContext,
  storage: FileStorage,
  input: { name: string; data: Buffer },
  limits: UploadLimits,
): Promise<StoredFile> {
  const name = cleanName(input.name);
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const kind = ALLOWED[ext];
  if (!kind) throw new AppError('INVALID_FILE', `不支持的文件类型“.${ext}”，可上传：${ALLOWED_EXTENSIONS.join('、')}`);
  if (input.data.length === 0) throw new AppError('INVALID_FILE', '文件是空的');
  if (input.data.length > limits.maxBytes)
    throw new AppError('FILE_TOO_LARGE', `文件超过${megabytes(limits.maxBytes)}，未保存`);
  if (!kind.magic(input.data)) throw new AppError('INVALID_FILE', `文件内容与扩展名“.${ext}”不符`);
  // A cheap look first, so a refused file is never written; the look under the court's lock decides.
  assertWithinQuota(await repo.usage(ctx.db, ctx.tenantId, ctx.user.id), input.data.length, limits);
  const id = crypto.randomUUID();
  const storageKey = `${ctx.tenantId}/${new Date().toISOString().slice(0, 7)}/${id}`;
  await storage.put(storageKey, input.data);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      await repo.lockCourtUploads(tx, ctx.tenantId);
      assertWithinQuota(await repo.usage(tx, ctx.tenantId, ctx.user.id), input.data.length, limits);
      const created = await repo.insertFile(tx, {
        tenantId: ctx.tenantId,
        id,
        name,
        mime: kind.mime,
        size: input.data.length,
        sha256: sha256(input.data),
        storageKey,
        uploadedByUserId: ctx.user.id,
      });
      await writeAudit(tx, ctx.actor, {
        action: 'file.upload',
        entity: 'file',
        entityId: id,
        summary: `上传文件：${name}（${String(input.data.length)}字节）`,
      });
      return created;
    });
    return { id: row.id, name: row.name, mime: row.mime, size: row.size, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    await storage.remove(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * A file of the court with its content, read through the records holding it: readable when one of
 * them may be read under its own permission; a file held by none yet (just uploaded, not attached)
 * only by whoever uploaded it. Anything else — another court's file too — is not there (404).
 */
export async function readFile(
  ctx: RequestContext,
  storage: FileStorage,
  holders: readonly AttachmentHolder[],
  id: string,
) {
  const row = await repo.findFile(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('文件');
  const verdicts = await Promise.all(holders.map((h) => h.access(ctx, id)));
  const readable =
    verdicts.includes('readable') || (verdicts.every((v) => v === 'none') && row.uploadedByUserId === ctx.user.id);
  if (!readable) throw notFound('文件');
  return { row, data: await storage.get(row.storageKey) };
}

/**
 * What a record may take as an attachment: a file of the court that the person attaching uploaded
 * (or `keep`, the one the record already holds). An id read elsewhere — in the audit log, in another
 * record — cannot be attached to a record one can read and so be downloaded through it.
 */
export async function mayAttach(
  ctx: RequestContext,
  fileIds: readonly string[],
  keep: string | null | readonly (string | null)[] = null,
): Promise<boolean> {
  const kept = new Set(Array.isArray(keep) ? keep : [keep]);
  const wanted = [...new Set(fileIds)].filter((id) => !kept.has(id));
  const found = await repo.findFilesByIds(ctx.db, ctx.tenantId, wanted);
  return found.length === wanted.length && found.every((f) => f.uploadedByUserId === ctx.user.id);
}
