/**
 * Items other capabilities publish, read from their source (issue 15: "appear here from their source,
 * not copied by hand"): a held meeting's resolutions and votes (meetings), a 四议两公开 matter's two
 * disclosures (meetings/deliberations), a year's published commitments (commitments) and a 民主评议
 * round's published result, counts per grade only (evaluations). A disclosure item links one of them
 * and goes through the same approval and publication period as a typed item; its text is this, read
 * when shown, so a corrected source shows corrected.
 */
import {
  courtToday,
  courtYear,
  DISCLOSURE_KIND_LABELS,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  meetingNamed,
  RESOLUTION_KIND_LABELS,
  sourcedDisclosureTitle,
  VOTER_POOL_LABELS,
  type DisclosureCategory,
  type DisclosureScope,
  type DisclosureSourceKind,
} from '@qizhi/domain';
import type { Db } from '../../platform/db.ts';
import { publishedCommitments } from '../commitments/index.ts';
import { findPublishedRounds } from '../evaluations/index.ts';
import { findDisclosedMatters, findResolvedMeetings } from '../meetings/index.ts';

export interface SourceKey {
  kind: DisclosureSourceKind;
  ref: string;
}

export interface SourceText extends SourceKey {
  /** The source record's own name, as the staff know it. */
  label: string;
  /** Its page in the staff web app. */
  url: string;
  /** The day it happened or was made public (a year's commitments: their latest publication). */
  on: string;
  scope: DisclosureScope;
  category: DisclosureCategory;
  /** What the public reads. */
  text: string;
}

export const sourceKeyOf = (k: SourceKey) => `${k.kind}:${k.ref}`;

const n = (v: number) => String(v);

async function meetingTexts(db: Db, tenantId: string, ids?: string[]): Promise<SourceText[]> {
  const rows = await findResolvedMeetings(db, tenantId, ids);
  return rows.map((m) => {
    const name = meetingNamed(m.type, m.topic);
    const on = courtToday(m.startsAt);
    const written = m.resolutions.map((r, i) => `${n(i + 1)}. ${r}`);
    const votes = m.votes.map(
      (v) =>
        `【${RESOLUTION_KIND_LABELS[v.kind]}】${v.subject}：应到${n(v.entitled)}人，实到${n(v.present)}人；赞成${n(v.yes)}票，反对${n(v.no)}票，弃权${n(v.abstain)}票；${v.adopted ? '通过' : '未通过'}。`,
    );
    const parts = [
      `${m.orgUnitName}于${on}召开${name}。`,
      written.length ? `会议决议：\n${written.join('\n')}` : '',
      votes.length ? `表决情况：\n${votes.join('\n')}` : '',
    ];
    return {
      kind: 'meeting' as const,
      ref: m.id,
      label: `${m.orgUnitName} ${name}`,
      url: `/meetings/${m.id}`,
      on,
      scope: 'party' as const,
      category: 'meetings' as const,
      text: parts.filter(Boolean).join('\n\n'),
    };
  });
}

async function matterTexts(db: Db, tenantId: string, ids?: string[]): Promise<SourceText[]> {
  const wanted = ids ? new Set(ids) : null;
  const rows = (await findDisclosedMatters(db, tenantId)).filter((m) => !wanted || wanted.has(m.id));
  return rows.map((m) => {
    const ds = [...m.disclosures].sort((a, b) => a.disclosedOn.localeCompare(b.disclosedOn));
    return {
      kind: 'deliberation' as const,
      ref: m.id,
      label: `${m.orgUnitName} ${m.title}`,
      url: '/deliberations',
      on: ds[ds.length - 1]!.disclosedOn,
      scope: 'party' as const,
      category: 'deliberations' as const,
      text: [
        `${m.orgUnitName}“四议两公开”事项：${m.title}。`,
        ...ds.map((d) => `${DISCLOSURE_KIND_LABELS[d.kind]}（${d.disclosedOn}，${d.place}）：\n${d.content}`),
      ].join('\n\n'),
    };
  });
}

async function commitmentTexts(db: Db, tenantId: string, years: number[]): Promise<SourceText[]> {
  const out: SourceText[] = [];
  for (const year of years) {
    const items = await publishedCommitments(db, tenantId, year);
    if (items.length === 0) continue;
    const branches = items.filter((c) => c.ownerKind === 'org_unit').length;
    const lines = items.map(
      (c) =>
        `【${c.ownerName}${c.orgUnitName && c.ownerKind === 'person' ? `（${c.orgUnitName}）` : ''}】\n${c.promises.map((p, i) => `${n(i + 1)}. ${p.text}`).join('\n')}`,
    );
    const published = items.map((c) => c.publishedAt?.slice(0, 10) ?? `${n(year)}-01-01`).sort();
    out.push({
      kind: 'commitments',
      ref: n(year),
      label: `${n(year)}年度公开承诺（${n(items.length)}份）`,
      url: `/commitments?year=${n(year)}`,
      on: published[published.length - 1]!,
      scope: 'party',
      category: 'commitments',
      text: `${n(year)}年度共${n(items.length)}份承诺（党组织${n(branches)}份，党员${n(items.length - branches)}份），接受群众监督。\n\n${lines.join('\n\n')}`,
    });
  }
  return out;
}

async function roundTexts(db: Db, tenantId: string, ids?: string[]): Promise<SourceText[]> {
  const rows = await findPublishedRounds(db, tenantId, ids);
  return rows.map((r) => {
    const total = r.grades.reduce((s, g) => s + g.n, 0);
    const counts = EVALUATION_GRADES.map(
      (g) => `${EVALUATION_GRADE_LABELS[g]}${n(r.grades.find((x) => x.grade === g)?.n ?? 0)}人`,
    );
    return {
      kind: 'evaluation' as const,
      ref: r.id,
      label: `${r.orgUnitName} ${n(r.coveredYear)}年度民主评议党员（${VOTER_POOL_LABELS[r.pool]}）`,
      url: `/evaluations/rounds/${r.id}`,
      on: courtToday(r.createdAt),
      scope: 'party' as const,
      category: 'evaluations' as const,
      text: `${r.orgUnitName}${n(r.coveredYear)}年度民主评议党员工作已完成，经党员大会决定，参加评议党员${n(total)}名，评定结果：${counts.join('，')}。`,
    };
  });
}

/** The texts of the named sources (those with nothing to show are absent), by `sourceKeyOf`. */
export async function readSources(db: Db, tenantId: string, keys: readonly SourceKey[]) {
  const of = (kind: DisclosureSourceKind) => [...new Set(keys.filter((k) => k.kind === kind).map((k) => k.ref))];
  const [meetings, matters, commitments, rounds] = await Promise.all([
    meetingTexts(db, tenantId, of('meeting')),
    of('deliberation').length ? matterTexts(db, tenantId, of('deliberation')) : [],
    commitmentTexts(db, tenantId, of('commitments').map(Number)),
    roundTexts(db, tenantId, of('evaluation')),
  ]);
  return new Map([...meetings, ...matters, ...commitments, ...rounds].map((s) => [sourceKeyOf(s), s]));
}

/** Every source of the court that could be shown now: recent decided meetings, disclosed matters, this and last year's commitments, published rounds. */
export async function allSources(db: Db, tenantId: string): Promise<SourceText[]> {
  const year = courtYear();
  const [meetings, matters, commitments, rounds] = await Promise.all([
    meetingTexts(db, tenantId),
    matterTexts(db, tenantId),
    commitmentTexts(db, tenantId, [year, year - 1]),
    roundTexts(db, tenantId),
  ]);
  return [...meetings, ...matters, ...commitments, ...rounds].sort((a, b) => b.on.localeCompare(a.on));
}

/** The title an item from a source starts with (the writer may change it). */
export const defaultTitleOf = (s: SourceText): string => sourcedDisclosureTitle(s);

/** The columns of a disclosure row naming its source (one per kind; the database checks the pairing). */
export function sourceColumns(k: SourceKey) {
  return {
    sourceKind: k.kind,
    sourceMeetingId: k.kind === 'meeting' ? k.ref : null,
    sourceMatterId: k.kind === 'deliberation' ? k.ref : null,
    sourceRoundId: k.kind === 'evaluation' ? k.ref : null,
    sourceYear: k.kind === 'commitments' ? Number(k.ref) : null,
  };
}

/** The source a disclosure row names, if any. */
export function sourceKeyOfRow(r: {
  sourceKind: DisclosureSourceKind | null;
  sourceMeetingId: string | null;
  sourceMatterId: string | null;
  sourceRoundId: string | null;
  sourceYear: number | null;
}): SourceKey | null {
  const ref =
    r.sourceKind === 'meeting'
      ? r.sourceMeetingId
      : r.sourceKind === 'deliberation'
        ? r.sourceMatterId
        : r.sourceKind === 'evaluation'
          ? r.sourceRoundId
          : r.sourceKind === 'commitments' && r.sourceYear !== null
            ? String(r.sourceYear)
            : null;
  return r.sourceKind && ref ? { kind: r.sourceKind, ref } : null;
}
