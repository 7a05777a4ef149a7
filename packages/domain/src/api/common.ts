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

/**
 * Characters no field may carry: C0 controls but tab, line feed and carriage return, and DEL. NUL
 * reached the database on 12 routes (a 500); the others are invisible and break exports and feeds.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Bidi overrides and isolates, and zero-width characters: they make a name look like another. */
export const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符';

/** The form every text is kept in: NFC, without bidi overrides and zero-width characters. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE_FORMATTING, '');
}

/** The shared text field: control characters refused, the rest normalised (see normalizeText). */
export const Text = z
  .string()
  .refine((v) => !CONTROL_CHARACTERS.test(v), { error: CONTROL_CHARACTER_MESSAGE })
  .transform(normalizeText);
