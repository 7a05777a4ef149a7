import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  ageBandOf,
  completedYears,
  DEPARTMENT_KIND_LABELS,
  DEPARTMENT_KINDS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  GENDER_LABELS,
  GENDERS,
  MEMBERSHIP_STATUS_LABELS,
  NON_PARTY_LABEL,
  PARTY_AGE_BAND_LABELS,
  PARTY_AGE_BANDS,
  partyAgeBandOf,
  PersonStatus,
  courtToday,
  type RosterStats,
} from '@qizhi/domain';
import { scopeName } from '../../platform/policy.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { orgUnitsOfCourt } from '../org/index.ts';
import * as repo from './members.repo.ts';

interface Bucket {
  key: string;
  label: string;
  count: number;
}

function countBy<T>(
  rows: T[],
  keyOf: (row: T) => string | null,
  order: readonly string[],
  labelOf: (key: string) => string,
): Bucket[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row) ?? 'unknown';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.map((key) => ({ key, label: key === 'unknown' ? '未填写' : labelOf(key), count: counts.get(key)! }));
}

const STATUS_LABELS: Record<PersonStatus, string> = { ...MEMBERSHIP_STATUS_LABELS, non_party: NON_PARTY_LABEL };

/**
 * Roster statistics over the people the caller may see. Party-member figures (party age, ethnicity
 * and so on) count full and probationary members; status and department figures count all staff.
 */
export async function computeRosterStats(ctx: RequestContext): Promise<RosterStats> {
  const today = courtToday();
  const scope = await ctx.scopeOf(ctx.has('people.read') ? 'people.read' : 'roster.stats');
  const rows = await repo.findStatsRows(ctx.db, repo.rosterConditions(ctx.tenantId, scope, {}, today));
  const units = await orgUnitsOfCourt(ctx);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const members = rows.filter((r) => r.status === 'full' || r.status === 'probationary');
  const retiredMembers = members.filter((r) => r.retired).length;
  return {
    scopeName: scopeName(scope, units),
    totalStaff: rows.filter((r) => !r.retired).length,
    partyMembers: members.length,
    retiredMembers,
    retiredShare: members.length === 0 ? 0 : Math.round((retiredMembers / members.length) * 1000) / 1000,
    byStatus: countBy(
      rows,
      (r) => r.status,
      PersonStatus.options,
      (k) => STATUS_LABELS[k as PersonStatus],
    ),
    byOrgUnit: countBy(
      members,
      (r) => r.orgUnitId,
      units.map((u) => u.id),
      (k) => unitName.get(k) ?? k,
    ),
    byGender: countBy(
      members,
      (r) => r.gender,
      GENDERS,
      (k) => GENDER_LABELS[k as keyof typeof GENDER_LABELS],
    ),
    byEthnicity: countBy(
      members,
      (r) => r.ethnicity,
      ['汉族'],
      (k) => k,
    ),
    byEducation: countBy(
      members,
      (r) => r.education,
      EDUCATION_LEVELS,
      (k) => EDUCATION_LABELS[k as keyof typeof EDUCATION_LABELS],
    ),
    byAgeBand: countBy(
      members,
      (r) => (r.birthDate ? ageBandOf(completedYears(r.birthDate, today)) : null),
      AGE_BANDS,
      (k) => AGE_BAND_LABELS[k as keyof typeof AGE_BAND_LABELS],
    ),
    byPartyAge: countBy(
      members,
      (r) => (r.joinedOn ? partyAgeBandOf(completedYears(r.joinedOn, today)) : null),
      PARTY_AGE_BANDS,
      (k) => PARTY_AGE_BAND_LABELS[k as keyof typeof PARTY_AGE_BAND_LABELS],
    ),
    byDepartmentKind: countBy(
      rows.filter((r) => !r.retired),
      (r) => r.departmentKind,
      DEPARTMENT_KINDS,
      (k) => DEPARTMENT_KIND_LABELS[k as keyof typeof DEPARTMENT_KIND_LABELS],
    ),
  };
}
