import { z } from 'zod';

export const Id = z.uuid({ error: '编号格式不正确' });
export const IsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const IdParams = z.object({ id: Id });
export const OkResponse = z.object({ ok: z.literal(true) });

export const StoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;
