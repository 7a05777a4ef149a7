/**
 * 办理离开: a person leaves the court (离职、调出) or dies (去世). The person stays on record — past
 * meetings, votes and the audit log still name them — but leaves the current roster; their account
 * is disabled with the same reason (never deleted), and they are taken off the lists of meetings not
 * yet held. All of it in one transaction with its audit row.
 */
import {
  courtToday,
  disabledReasonOfLeaving,
  LEAVING_REASON_LABELS,
  leavingProblem,
  type MemberDetail,
  type RecordLeavingRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { covers } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { removeFromUpcomingMeetings } from '../meetings/index.ts';
import { disableAccountOfPerson } from '../users/index.ts';
import * as repo from './members.repo.ts';
import { findVisiblePerson, getPerson } from './members.service.ts';

export async function recordLeaving(
  ctx: RequestContext,
  id: string,
  input: RecordLeavingRequest,
): Promise<MemberDetail> {
  const scope = await ctx.scopeOf('people.manage');
  const { person } = await findVisiblePerson(ctx, id, 'people.manage');
  if (!covers(scope, person.orgUnitId)) throw new AppError('FORBIDDEN', '只能为本人负责的党组织的人员办理离开');
  await ctx.db.transaction(async (tx) => {
    await leaveInTransaction(tx, ctx, person, input);
  });
  return getPerson(ctx, id);
}

/**
 * The leaving itself, inside the caller's transaction: checked, recorded while still on the roster,
 * the account disabled, the person taken off meetings not yet held, audited. A transfer out of the
 * court (组织关系转出) records its letter and this in one transaction.
 */
export async function leaveInTransaction(
  tx: Db,
  ctx: RequestContext,
  person: Pick<repo.PersonRow, 'id' | 'name' | 'birthDate' | 'leftOn'>,
  input: RecordLeavingRequest,
): Promise<void> {
  const problem = leavingProblem({
    leftOn: input.leftOn,
    today: courtToday(),
    birthDate: person.birthDate,
    alreadyLeftOn: person.leftOn,
  });
  if (problem?.path === '') throw new AppError('PERSON_ALREADY_LEFT', problem.message);
  if (problem) throw validationFailed([problem]);

  const note = input.note?.trim() || null;
  const label = LEAVING_REASON_LABELS[input.reason];
  // The row is changed only while still on the roster, so two officers at once cannot both record it.
  const changed = await repo.updateLeaving(tx, ctx.tenantId, person.id, {
    leftOn: input.leftOn,
    leftReason: input.reason,
    leftNote: note,
  });
  if (!changed) throw new AppError('PERSON_ALREADY_LEFT');
  const court = { db: tx, tenantId: ctx.tenantId, actor: ctx.actor };
  const username = await disableAccountOfPerson(court, person.id, disabledReasonOfLeaving(input.reason));
  const meetings = await removeFromUpcomingMeetings(tx, ctx.tenantId, person.id);
  await writeAudit(tx, ctx.actor, {
    action: 'person.leave',
    entity: 'person',
    entityId: person.id,
    summary:
      `办理离开：${person.name}（${label}，${input.leftOn}）` +
      (username ? `，账号 ${username} 已停用` : '') +
      (meetings > 0 ? `，已移出${String(meetings)}次未召开会议的参会名单` : ''),
    before: { leftOn: null },
    after: { leftOn: input.leftOn, leftReason: input.reason, leftNote: note, accountDisabled: username, meetings },
  });
}
