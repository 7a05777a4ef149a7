import {
  courtToday,
  DISCLOSURE_CATEGORY_LABELS,
  redactPersonalNumbers,
  type DisclosureSourceKind,
  type PublicDisclosure,
  type PublicOpennessQuery,
} from '@qizhi/domain';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as repo from './openness.repo.ts';
import { cachedPage } from './portal-cache.ts';
import { readSources, sourceKeyOf, sourceKeyOfRow, type SourceText } from './sources.ts';

export interface PublicCourt {
  id: string;
  code: string;
  name: string;
}

/**
 * Which court a public request is for: `?court=<code>`; else the server's portal court
 * (QIZHI_PUBLIC_COURT); else the server's only court. A multi-court server without either is
 * answered 400 rather than guessed.
 */
export async function resolvePublicCourt(
  database: Database,
  config: Config,
  code: string | undefined,
): Promise<PublicCourt> {
  const wanted = code ?? config.publicCourt;
  // Courts are not renamed in a day's use: a court found is kept with the pages; a miss is not.
  const court = await cachedPage('*', `court|${wanted ?? ''}`, async () => {
    const found = wanted ? await repo.findTenantByCode(database.db, wanted) : await repo.findOnlyTenant(database.db);
    if (!found) throw notFound('法院');
    return found;
  }).catch(() => undefined);
  if (court) return court;
  if (wanted) throw notFound('法院');
  throw new AppError('VALIDATION_FAILED', '本服务器有多个法院，请用 court 参数指明法院代码', {
    issues: [{ path: 'court', message: '请指明法院代码' }],
  });
}

function item(
  v: Omit<PublicDisclosure, 'categoryLabel' | 'url' | 'title' | 'body'> & { title: string; body: string },
): PublicDisclosure {
  return {
    ...v,
    title: redactPersonalNumbers(v.title),
    body: redactPersonalNumbers(v.body),
    categoryLabel: DISCLOSURE_CATEGORY_LABELS[v.category],
    url: `/public/items/${v.id}`,
  };
}

const PUBLIC_SOURCE: Record<DisclosureSourceKind, PublicDisclosure['source']> = {
  meeting: 'meetings',
  deliberation: 'deliberations',
  commitments: 'commitments',
  evaluation: 'evaluations',
};

/**
 * Everything on show today for the court, newest first: items approved and inside their publication
 * period, typed or linked to a source whose text is read now (a source with nothing left to show
 * hides its item). Attachments are named by their portal address, never by bare file id.
 */
export async function publicItems(database: Database, court: PublicCourt, q: Omit<PublicOpennessQuery, 'court'> = {}) {
  const today = courtToday();
  const db = database.forTenant(court.id);
  const rows = await repo.findOnShow(db, court.id, today);
  const keys = rows.flatMap((r) => sourceKeyOfRow(r) ?? []);
  const sources = keys.length ? await readSources(db, court.id, keys) : new Map<string, SourceText>();
  const fileIds = [...new Set(rows.flatMap((r) => r.attachmentFileIds))];
  const files = new Map((await repo.findFileNames(db, court.id, fileIds)).map((f) => [f.id, f]));
  const all = rows.flatMap((r) => {
    const key = sourceKeyOfRow(r);
    const source = key ? sources.get(sourceKeyOf(key)) : undefined;
    if (key && !source) return [];
    return [
      item({
        id: r.id,
        scope: r.scope,
        category: r.category,
        title: r.title,
        body: source ? source.text : r.body,
        publishedOn: r.publishFrom,
        publishUntil: r.publishUntil,
        source: key ? PUBLIC_SOURCE[key.kind] : 'openness',
        attachments: r.attachmentFileIds.flatMap((id) => {
          const f = files.get(id);
          return f
            ? [{ name: redactPersonalNumbers(f.name), url: `/public/items/${r.id}/files/${f.id}`, size: f.size }]
            : [];
        }),
      }),
    ];
  });
  return filterItems(all, q);
}

/** Items of a scope, a category, and with the words searched for in their title or text. */
export function filterItems(items: PublicDisclosure[], q: Omit<PublicOpennessQuery, 'court'>): PublicDisclosure[] {
  const words = q.q?.trim();
  return items.filter(
    (i) =>
      (!q.scope || i.scope === q.scope) &&
      (!q.category || i.category === q.category) &&
      (!words || i.title.includes(words) || i.body.includes(words)),
  );
}

/** One item on show; a draft, a withdrawn item, one out of its period or of another court is 404. */
export async function publicItem(database: Database, court: PublicCourt, id: string): Promise<PublicDisclosure> {
  const found = (await publicItems(database, court)).find((i) => i.id === id);
  if (!found) throw notFound('公开事项');
  return found;
}

/**
 * An attachment of an item on show, by the item: 404 when the item is not on show (draft, pending,
 * withdrawn, out of its period, another court's) or does not hold the file.
 */
export async function publicAttachment(database: Database, court: PublicCourt, itemId: string, fileId: string) {
  const shown = await publicItem(database, court, itemId);
  if (!shown.attachments.some((a) => a.url.endsWith(`/files/${fileId}`))) throw notFound('附件');
  const [file] = await repo.findFileNames(database.forTenant(court.id), court.id, [fileId]);
  if (!file) throw notFound('附件');
  return file;
}
