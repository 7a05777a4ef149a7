import {
  ASSESSMENT_GRADE_LABELS,
  parseAssessmentPeriod,
  roundProgress,
  suggestGrade,
  courtToday,
  weightedProgress,
  assessmentPeriodOf,
  type AssessmentGroup,
  type AssessmentRow,
  type AssessmentsResponse,
  type SaveAssessmentRequest,
} from '@qizhi/domain';
import { writeAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { computeYear } from '../goals/index.ts';
import * as repo from './assessments.repo.ts';

export function currentPeriod(): string {
  return assessmentPeriodOf(courtToday());
}

/** Each member's completion: the weighted progress of the goals they own in the year, from the tree. */
export async function computeMemberCompletion(
  ctx: RequestContext,
  year: number,
): Promise<Map<string, { completion: number | null; goalCount: number }>> {
  const { rows, rollUps } = await computeYear(ctx, year);
  const byPerson = new Map<string, { weight: number; progress: number }[]>();
  for (const r of rows) {
    if (!r.ownerPersonId) continue;
    const list = byPerson.get(r.ownerPersonId) ?? [];
    list.push({ weight: r.weight, progress: rollUps.get(r.id)!.progress });
    byPerson.set(r.ownerPersonId, list);
  }
  return new Map(
    [...byPerson].map(([personId, items]) => {
      const c = weightedProgress(items);
      return [personId, { completion: c === null ? null : roundProgress(c), goalCount: items.length }];
    }),
  );
}

function groupResults(rows: AssessmentRow[]): AssessmentGroup[] {
  const groups = new Map<string, AssessmentRow[]>();
  for (const r of rows) groups.set(r.orgUnitId ?? '', [...(groups.get(r.orgUnitId ?? '') ?? []), r]);
  return [...groups].map(([orgUnitId, members]) => {
    const grades = { excellent: 0, good: 0, fair: 0, poor: 0 };
    for (const m of members) if (m.grade) grades[m.grade]++;
    const completions = members.map((m) => m.completion).filter((c): c is number => c !== null);
    return {
      orgUnitId: orgUnitId || null,
      orgUnitName: members[0]!.orgUnitName ?? '未编入党小组',
      memberCount: members.length,
      assessedCount: members.filter((m) => m.grade !== null).length,
      averageCompletion:
        completions.length > 0 ? roundProgress(completions.reduce((a, b) => a + b, 0) / completions.length) : null,
      grades,
    };
  });
}

export async function listAssessments(ctx: RequestContext, period: string): Promise<AssessmentsResponse> {
  const { db, tenantId } = ctx;
  const p = parseAssessmentPeriod(period)!;
  const scope = await ctx.scopeOf('assessments.read');
  const [members, completion, records] = await Promise.all([
    repo.findMembersInUnits(db, tenantId, unitsOf(scope)),
    computeMemberCompletion(ctx, p.year),
    repo.findAssessmentsOfPeriod(db, tenantId, period),
  ]);
  const recordOf = new Map(records.map((r) => [r.personId, r]));
  const items: AssessmentRow[] = members.map((m) => {
    const c = completion.get(m.personId);
    const rec = recordOf.get(m.personId);
    return {
      personId: m.personId,
      name: m.name,
      orgUnitId: m.orgUnitId,
      orgUnitName: m.orgUnitName,
      goalCount: c?.goalCount ?? 0,
      completion: c?.completion ?? null,
      suggestedGrade: suggestGrade(c?.completion ?? null),
      grade: rec?.grade ?? null,
      remarks: rec?.remarks ?? null,
      completionAtAssessment: rec?.completion ?? null,
      assessedByName: rec?.assessedByName ?? null,
      assessedAt: rec?.assessedAt.toISOString() ?? null,
    };
  });
  return { period, startsOn: p.startsOn, endsOn: p.endsOn, items, groups: groupResults(items) };
}

/** The assessor's grade, with the completion seen at that moment kept beside it. */
export async function saveAssessment(ctx: RequestContext, input: SaveAssessmentRequest): Promise<AssessmentRow> {
  const { db, tenantId, actor } = ctx;
  const member = await repo.findMember(db, tenantId, input.personId);
  if (!member || !(await ctx.can('assessments.manage', member.orgUnitId))) throw notFound('党员');
  const p = parseAssessmentPeriod(input.period)!;
  const completion = (await computeMemberCompletion(ctx, p.year)).get(input.personId);
  const row = await db.transaction(async (tx) => {
    const saved = await repo.upsertAssessment(tx, {
      tenantId,
      period: input.period,
      personId: input.personId,
      grade: input.grade,
      remarks: input.remarks,
      completion: completion?.completion ?? null,
      assessedByUserId: actor.userId,
      assessedByName: actor.name,
    });
    await writeAudit(tx, actor, {
      action: 'assessment.save',
      entity: 'assessment',
      entityId: saved.id,
      summary: `${input.period}定期考核：${member.name}，${ASSESSMENT_GRADE_LABELS[input.grade]}`,
      after: saved,
    });
    return saved;
  });
  return {
    personId: member.personId,
    name: member.name,
    orgUnitId: member.orgUnitId,
    orgUnitName: member.orgUnitName,
    goalCount: completion?.goalCount ?? 0,
    completion: completion?.completion ?? null,
    suggestedGrade: suggestGrade(completion?.completion ?? null),
    grade: row.grade,
    remarks: row.remarks,
    completionAtAssessment: row.completion,
    assessedByName: row.assessedByName,
    assessedAt: row.assessedAt.toISOString(),
  };
}
