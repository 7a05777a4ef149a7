/**
 * The compliance board's items for a year (issue 9): meetings by type and period — annual ones under
 * the year they cover, the 支委会 only where a committee exists — plus the 党组 secretary's 党课, the
 * 民主生活会's advance report and 谈心谈话 per pair. The board, the reminders and a cell's drawer all
 * read these, so they agree.
 */
import {
  collectSubtreeIds,
  committeeExists,
  computeCompliance,
  democraticLifeReportItem,
  frequencyFor,
  overrideMap,
  pairsOfTalk,
  periodRange,
  requiredTalkPairs,
  secretaryLectureItem,
  talkPairKey,
  talkPairsItem,
  type ComplianceItem,
  type ComplianceOrg,
  type FrequencyOverride,
  type HeldCount,
  type OrgKind,
} from '@qizhi/domain';
import type { RequestContext } from '../../../platform/request-context.ts';
import * as checks from './yearly-checks.repo.ts';

export interface BoardOrg {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  sortOrder: number;
  secretaryPersonId: string | null;
  committee: { personId: string }[];
}

export interface BoardInput {
  year: number;
  /** The organisations on the board (the request's reach). */
  orgs: readonly BoardOrg[];
  /** Every organisation of the court: subtrees are counted whole. */
  allOrgs: readonly BoardOrg[];
  overrides: readonly FrequencyOverride[];
  held: readonly HeldCount[];
}

/** What the items were computed from, for a cell's drawer to explain them. */
export interface BoardFacts {
  items: ComplianceItem[];
  /** Required 谈心谈话 pairs per organisation, with whether each is done. */
  pairs: Map<string, { ids: [string, string]; done: boolean }[]>;
  names: Map<string, string>;
}

/** The secretary and the other committee members, once each. */
function leadersOf(org: BoardOrg): { secretaryId: string | null; committeeIds: string[] } {
  const committeeIds = [...new Set(org.committee.map((c) => c.personId))].filter((id) => id !== org.secretaryPersonId);
  return { secretaryId: org.secretaryPersonId, committeeIds };
}

type Member = Awaited<ReturnType<typeof checks.findPartyMembers>>[number];

/** Each organisation's party members over its subtree, and how many are full members. */
function membersByOrg(orgs: readonly BoardOrg[], allOrgs: readonly BoardOrg[], members: readonly Member[]) {
  const membersOf = new Map<string, { ids: string[]; full: number }>();
  for (const org of orgs) {
    const units = new Set(collectSubtreeIds(allOrgs, org.id));
    const inside = members.filter((m) => m.orgUnitId && units.has(m.orgUnitId));
    membersOf.set(org.id, { ids: inside.map((m) => m.id), full: inside.filter((m) => m.status === 'full').length });
  }
  return membersOf;
}

/** Whether each organisation has a committee: a branch only with 7+ full members and someone on it. */
function withCommittees(orgs: readonly BoardOrg[], membersOf: ReturnType<typeof membersByOrg>): ComplianceOrg[] {
  return orgs.map((org) => {
    const { secretaryId, committeeIds } = leadersOf(org);
    const size = committeeIds.length + (secretaryId ? 1 : 0);
    const full = membersOf.get(org.id)?.full ?? 0;
    return { id: org.id, kind: org.kind, hasCommittee: org.kind === 'branch' ? committeeExists(full, size) : size > 0 };
  });
}

/** The organisations as the frequency rules read them (the settings page), committees decided as on the board. */
export async function complianceOrgsOf(
  ctx: RequestContext,
  orgs: readonly BoardOrg[],
  allOrgs: readonly BoardOrg[],
): Promise<ComplianceOrg[]> {
  const members = await checks.findPartyMembers(ctx.db, ctx.tenantId);
  return withCommittees(orgs, membersByOrg(orgs, allOrgs, members));
}

export async function computeBoard(ctx: RequestContext, input: BoardInput): Promise<BoardFacts> {
  const { year, orgs } = input;
  const { from, to } = periodRange(String(year));
  const overrides = overrideMap(input.overrides);
  const groups = orgs.filter((o) => o.kind === 'party_group');
  const secretaries = groups.map((g) => g.secretaryPersonId).filter((x): x is string => !!x);
  const [members, annualHeld, lectures, democraticLife, talks] = await Promise.all([
    checks.findPartyMembers(ctx.db, ctx.tenantId),
    checks.countAnnualHeld(
      ctx.db,
      ctx.tenantId,
      orgs.map((o) => o.id),
      year,
    ),
    checks.countLecturesBy(ctx.db, ctx.tenantId, secretaries, from, to),
    checks.findDemocraticLifeMeetings(
      ctx.db,
      ctx.tenantId,
      groups.map((g) => g.id),
      year,
    ),
    checks.findHeldTalks(ctx.db, ctx.tenantId, from, to),
  ]);

  const membersOf = membersByOrg(orgs, input.allOrgs, members);
  const complianceOrgs = withCommittees(orgs, membersOf);
  const items = computeCompliance({
    year,
    orgs: complianceOrgs,
    overrides: input.overrides,
    held: input.held,
    annualHeld,
  });

  // The 党组: its secretary's 党课 and the 民主生活会 reported ahead.
  for (const group of groups) {
    const lectureCount = lectures.find((l) => l.hostPersonId === group.secretaryPersonId)?.held ?? 0;
    items.push(secretaryLectureItem(group.id, year, group.secretaryPersonId ? lectureCount : 0));
    if (frequencyFor({ id: group.id, kind: group.kind, hasCommittee: true }, 'democratic_life', overrides) !== 'none')
      items.push(
        democraticLifeReportItem(
          group.id,
          year,
          democraticLife.filter((m) => m.orgUnitId === group.id),
        ),
      );
  }

  // 谈心谈话 per pair: the host with each person present at a held talk.
  const present = new Map<string, { host: string | null; ids: string[] }>();
  for (const t of talks) {
    const entry = present.get(t.meetingId) ?? { host: t.hostPersonId, ids: [] };
    entry.ids.push(t.personId);
    present.set(t.meetingId, entry);
  }
  const done = new Set([...present.values()].flatMap((t) => pairsOfTalk(t.host, t.ids)));
  const pairs: BoardFacts['pairs'] = new Map();
  for (const org of orgs) {
    const leaders = leadersOf(org);
    let required: [string, string][] = [];
    if (org.kind === 'party_group') required = requiredTalkPairs({ ...leaders, memberIds: [] });
    else if (frequencyFor({ id: org.id, kind: org.kind, hasCommittee: true }, 'talk', overrides) !== 'none')
      required = requiredTalkPairs({ ...leaders, memberIds: membersOf.get(org.id)?.ids ?? [] });
    const item = talkPairsItem(org.id, year, required, done);
    if (!item) continue;
    items.push(item);
    pairs.set(
      org.id,
      required.map((ids) => ({ ids, done: done.has(talkPairKey(...ids)) })),
    );
  }
  return { items, pairs, names: new Map(members.map((m) => [m.id, m.name])) };
}
