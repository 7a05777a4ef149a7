/**
 * Steps 15 and 23 are decided by a 支部党员大会 vote recorded in the meetings module: the vote must be
 * of the right kind (接收预备党员 / 预备党员转正), taken by the person's branch (or an organisation above
 * it), on the step's date, and adopted — yes votes more than half of all entitled full members, as
 * the meetings module judged it when it was recorded (voteResultOf).
 */
import { courtInstant, courtToday, VOTE_STEPS } from '@qizhi/domain';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { findMembershipVotes, type MembershipVote } from '../meetings/index.ts';
import * as repo from './development.repo.ts';

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The organisation and every one above it (a cell's branch decides for its members). */
export function ancestorsOf(units: readonly { id: string; parentId: string | null }[], id: string | null): string[] {
  const out: string[] = [];
  const byId = new Map(units.map((u) => [u.id, u]));
  for (
    let u = id ? byId.get(id) : undefined;
    u && !out.includes(u.id);
    u = u.parentId ? byId.get(u.parentId) : undefined
  )
    out.push(u.id);
  return out;
}

export async function resolveVote(
  ctx: RequestContext,
  person: repo.DevelopmentPerson,
  step: 15 | 23,
  on: string,
  voteId: string | undefined,
): Promise<MembershipVote> {
  const kind = VOTE_STEPS[step];
  const what = step === 15 ? '接收预备党员' : '预备党员转正';
  const units = await repo.findOrgUnits(ctx.db, ctx.tenantId);
  const orgUnitIds = ancestorsOf(units, person.orgUnitId);
  if (orgUnitIds.length === 0)
    throw new AppError('STEP_VOTE_MISSING', `${person.name}尚未编入党支部，没有支部党员大会的表决可依`);
  let vote: MembershipVote | undefined;
  if (voteId) {
    [vote] = await findMembershipVotes(ctx.db, ctx.tenantId, { voteId, kind });
    if (!vote || vote.kind !== kind || !orgUnitIds.includes(vote.orgUnitId))
      throw validationFailed([{ path: 'voteId', message: `所选表决不是本支部党员大会关于${what}的表决` }]);
    const day = courtToday(vote.startsAt);
    if (day !== on) throw validationFailed([{ path: 'on', message: `日期应为支部党员大会召开的日期（${day}）` }]);
  } else {
    const found = await findMembershipVotes(ctx.db, ctx.tenantId, {
      kind,
      orgUnitIds,
      from: courtInstant(on),
      to: courtInstant(nextDay(on)),
    });
    // The vote naming the person if any does; among several, the adopted one (a failed vote may be retaken).
    const naming = found.filter((v) => v.subject.includes(person.name));
    const pool = naming.length > 0 ? naming : found;
    const adopted = pool.filter((v) => v.adopted);
    vote = adopted.length === 1 ? adopted[0] : adopted.length === 0 ? pool.at(-1) : undefined;
    if (!vote)
      throw new AppError(
        'STEP_VOTE_MISSING',
        found.length > 1
          ? `${on}有多项${what}的表决，请选择关于${person.name}的一项`
          : `${on}没有本支部党员大会关于${what}的表决记录：请先在会议中记录表决结果`,
      );
  }
  if (!vote.adopted)
    throw new AppError(
      'STEP_VOTE_NOT_ADOPTED',
      `表决未获通过：赞成${String(vote.yes)}票，未超过应到会有表决权的正式党员${String(vote.entitled)}人的半数`,
    );
  return vote;
}
