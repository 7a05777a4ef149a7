import { computePoints, rankByScore, type HonourLevel, type RankingsResponse } from '@qizhi/domain';
import { AppError } from '../../platform/errors.ts';
import { unitsOf } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { isPointsRankingEnabled } from '../centre/index.ts';
import { computeMemberCompletion } from './assessments.service.ts';
import * as repo from './assessments.repo.ts';

const FORMULA_WITH_ATTENDANCE =
  '积分 = 目标完成度×60 + 组织生活出勤率×20 + 当年个人荣誉（县级5、市级10、省级15、国家级20，合计不超过20）';
const FORMULA_WITHOUT_ATTENDANCE =
  '积分 = 目标完成度×80 + 当年个人荣誉（县级5、市级10、省级15、国家级20，合计不超过20）；尚无出勤记录';

/**
 * 比学赶超 rankings, only where the court has turned them on. Attendance counts for a member once
 * the meetings module holds any attendance of theirs for the year; otherwise goals weigh 80.
 */
export async function computeRankings(ctx: RequestContext, year: number): Promise<RankingsResponse> {
  const { db, tenantId } = ctx;
  if (!(await isPointsRankingEnabled(ctx))) throw new AppError('POINTS_RANKING_DISABLED');
  const scope = await ctx.scopeOf('assessments.read');
  const [members, completion, attendance, honours] = await Promise.all([
    repo.findMembersInUnits(db, tenantId, unitsOf(scope)),
    computeMemberCompletion(ctx, year),
    repo.findAttendanceOfYear(db, tenantId, year),
    repo.findIndividualHonoursOfYear(db, tenantId, year),
  ]);
  const attendanceOf = new Map(
    attendance.filter((a) => a.recorded > 0).map((a) => [a.personId, a.present / a.recorded]),
  );
  const honoursOf = new Map<string, HonourLevel[]>();
  for (const h of honours) if (h.personId) honoursOf.set(h.personId, [...(honoursOf.get(h.personId) ?? []), h.level]);
  const scored = members.map((m) => ({
    member: m,
    points: computePoints({
      completion: completion.get(m.personId)?.completion ?? null,
      attendance: attendanceOf.get(m.personId) ?? null,
      honourLevels: honoursOf.get(m.personId) ?? [],
    }),
  }));
  const groups = new Map<string, { name: string; totals: number[] }>();
  for (const s of scored) {
    if (!s.member.orgUnitId) continue;
    const g = groups.get(s.member.orgUnitId) ?? { name: s.member.orgUnitName ?? '', totals: [] };
    g.totals.push(s.points.total);
    groups.set(s.member.orgUnitId, g);
  }
  const groupRows = [...groups].map(([orgUnitId, g]) => ({
    orgUnitId,
    orgUnitName: g.name,
    memberCount: g.totals.length,
    averagePoints: Math.round((g.totals.reduce((a, b) => a + b, 0) / g.totals.length) * 10) / 10,
  }));
  return {
    year,
    formula: attendanceOf.size > 0 ? FORMULA_WITH_ATTENDANCE : FORMULA_WITHOUT_ATTENDANCE,
    attendanceCounted: attendanceOf.size > 0,
    members: rankByScore(scored, (s) => s.points.total).map(({ item, rank }) => ({
      rank,
      personId: item.member.personId,
      name: item.member.name,
      orgUnitName: item.member.orgUnitName,
      ...item.points,
    })),
    groups: rankByScore(groupRows, (g) => g.averagePoints).map(({ item, rank }) => ({ rank, ...item })),
  };
}
