/**
 * What a plan records beyond time and place for some types (issue 9): the year an annual meeting
 * covers (年度), the day a 民主生活会 was reported to the level above, and whom a 谈心谈话 is with.
 */
import {
  coveredYearDefault,
  coveredYearProblem,
  isAnnualItem,
  reportDateProblem,
  type FieldIssue,
  type MeetingType,
} from '@qizhi/domain';
import { AppError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import * as meetingsRepo from '../meetings.repo.ts';
import type { NewAttendee } from './plan.repo.ts';

export interface AnnualFields {
  coveredYear: number | null;
  reportedOn: string | null;
}

/** A refusal naming the rule, in Chinese, with the field it belongs to. */
function refuse(path: string, message: string): AppError {
  const issues: FieldIssue[] = [{ path, message }];
  return new AppError('VALIDATION_FAILED', message, { issues });
}

/**
 * The covered year and report date a meeting keeps: what the form says, checked; an annual meeting
 * without a year takes coveredYearDefault (January or February: the year before), and a change of
 * date keeps the year already recorded while it is still one the new date allows.
 */
export function annualFieldsOf(
  type: MeetingType,
  startsAt: Date,
  input: { coveredYear?: number | null | undefined; reportedOn?: string | null | undefined },
  current: AnnualFields = { coveredYear: null, reportedOn: null },
): AnnualFields {
  let coveredYear = input.coveredYear === undefined ? current.coveredYear : input.coveredYear;
  if (input.coveredYear != null) {
    const problem = coveredYearProblem(type, startsAt, input.coveredYear);
    if (problem) throw refuse('coveredYear', problem);
  }
  if (isAnnualItem(type) && (coveredYear == null || coveredYearProblem(type, startsAt, coveredYear)))
    coveredYear = coveredYearDefault(type, startsAt);
  if (!isAnnualItem(type)) coveredYear = null;
  const reportedOn = input.reportedOn === undefined ? current.reportedOn : input.reportedOn;
  const reportProblem = reportDateProblem(type, reportedOn, startsAt);
  if (reportProblem) throw refuse('reportedOn', reportProblem);
  return { coveredYear, reportedOn: reportedOn ?? null };
}

/** A 谈心谈话's expected list: the people the host talks with (none for other types). */
export async function talkAttendees(
  ctx: RequestContext,
  type: MeetingType,
  personIds: readonly string[] | undefined,
): Promise<NewAttendee[]> {
  if (!personIds || personIds.length === 0) return [];
  if (type !== 'talk') throw refuse('talkPersonIds', '只有谈心谈话需要选择谈话对象');
  const ids = [...new Set(personIds)];
  const found = await meetingsRepo.findPeopleByIds(ctx.db, ctx.tenantId, ids);
  if (found.length !== ids.length) throw refuse('talkPersonIds', '所选谈话对象不存在');
  return ids.map((personId) => ({ tenantId: ctx.tenantId, personId }));
}
