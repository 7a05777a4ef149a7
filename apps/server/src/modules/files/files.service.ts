import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { sha256, type FileStorage } from '../../platform/storage.ts';
import * as repo from './files.repo.ts';

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
    magic: (b) => b.readUInt32LE(0) === 0x04034b50,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: (b) => b.readUInt32LE(0) === 0x04034b50,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: (b) => b.readUInt32LE(0) === 0x04034b50,
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

export async function storeFile(
  ctx: RequestContext,
  storage: FileStorage,
  input: { name: string; data: Buffer },
): Promise<StoredFile> {
  const name = cleanName(input.name);
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const kind = ALLOWED[ext];
  if (!kind) throw new AppError('INVALID_FILE', `不支持的文件类型“.${ext}”，可上传：${ALLOWED_EXTENSIONS.join('、')}`);
  if (input.data.length === 0) throw new AppError('INVALID_FILE', '文件是空的');
  if (!kind.magic(input.data)) throw new AppError('INVALID_FILE', `文件内容与扩展名“.${ext}”不符`);
  const id = crypto.randomUUID();
  const storageKey = `${ctx.tenantId}/${new Date().toISOString().slice(0, 7)}/${id}`;
  await storage.put(storageKey, input.data);
  const row = await ctx.db.transaction(async (tx) => {
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
}

/** A file of the court with its content; another court's file is simply not there. */
export async function readFile(ctx: RequestContext, storage: FileStorage, id: string) {
  const row = await repo.findFile(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('文件');
  return { row, data: await storage.get(row.storageKey) };
}
