import {
  courtToday,
  courtYear,
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_KIND_LABELS,
  redactPersonalNumbers,
  type PublicDisclosure,
  type PublicOpennessQuery,
} from '@qizhi/domain';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { listPublicCommitments } from '../commitments/index.ts';
import { findDisclosedMatters } from '../meetings/index.ts';
import * as repo from './openness.repo.ts';

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
  const court = wanted ? await repo.findTenantByCode(database.db, wanted) : await repo.findOnlyTenant(database.db);
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

/** The year's published commitments, as one item read from the commitments themselves. */
async function commitmentItems(database: Database, court: PublicCourt): Promise<PublicDisclosure[]> {
  const year = courtYear();
  const { items } = await listPublicCommitments(database, court.code, year);
  if (items.length === 0) return [];
  const branches = items.filter((c) => c.ownerKind === 'org_unit').length;
  const lines = items.map(
    (c) =>
      `【${c.ownerName}${c.orgUnitName && c.ownerKind === 'person' ? `（${c.orgUnitName}）` : ''}】\n${c.promises.map((p, i) => `${String(i + 1)}. ${p.text}`).join('\n')}`,
  );
  const published = items.map((c) => c.publishedAt?.slice(0, 10) ?? `${String(year)}-01-01`).sort();
  return [
    item({
      id: `commitments-${String(year)}`,
      scope: 'party',
      category: 'commitments',
      title: `${String(year)}年度党组织和党员公开承诺`,
      body: `共${String(items.length)}份承诺（党组织${String(branches)}份，党员${String(items.length - branches)}份），接受群众监督。\n\n${lines.join('\n\n')}`,
      publishedOn: published[published.length - 1]!,
      publishUntil: null,
      source: 'commitments',
    }),
  ];
}

/** Each disclosure of a 四议两公开 matter, from the matter. */
async function deliberationItems(database: Database, court: PublicCourt): Promise<PublicDisclosure[]> {
  const matters = await findDisclosedMatters(database.db, court.id);
  return matters.flatMap((m) =>
    m.disclosures.map((d) =>
      item({
        id: `deliberation-${m.id}-${d.kind}`,
        scope: 'party',
        category: 'deliberations',
        title: `${m.title}（${DISCLOSURE_KIND_LABELS[d.kind]}）`,
        body: `${m.orgUnitName}“四议两公开”事项${DISCLOSURE_KIND_LABELS[d.kind]}。\n\n${d.content}\n\n公开地点：${d.place}`,
        publishedOn: d.disclosedOn,
        publishUntil: null,
        source: 'deliberations',
      }),
    ),
  );
}

/** Everything on show today for the court, newest first: typed items and those their sources publish. */
export async function publicItems(database: Database, court: PublicCourt, q: Omit<PublicOpennessQuery, 'court'> = {}) {
  const today = courtToday();
  const own = (await repo.findOnShow(database.db, court.id, today)).map((r) =>
    item({
      id: r.id,
      scope: r.scope,
      category: r.category,
      title: r.title,
      body: r.body,
      publishedOn: r.publishFrom,
      publishUntil: r.publishUntil,
      source: 'openness',
    }),
  );
  const all = [...own, ...(await commitmentItems(database, court)), ...(await deliberationItems(database, court))].sort(
    (a, b) => b.publishedOn.localeCompare(a.publishedOn),
  );
  const words = q.q?.trim();
  return all.filter(
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
