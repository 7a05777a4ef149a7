/**
 * 党内统计年报 (the annual party statistics a branch reports upward), counted from the records.
 *
 * Rules (the choices are the 党内统计 conventions, written down here and tested at their edges):
 * - The figures describe the members **on record at 12-31 of the year** (the report's 时点): a full
 *   or probationary member admitted (入党日期) on or before that day and not left on or before it.
 *   A member whose 转正日期 is after 12-31 was still 预备党员 on that day.
 * - A person who left (离职、调出、去世) on a day no longer counts on that day: left on 12-31 is a
 *   decrease of that year and not in its year-end figures; left on 01-01 is a decrease of that year.
 * - Age is whole years at 12-31 of the year (a birthday on 12-31 has been reached; 29 February
 *   births have had their birthday by 12-31 of every year).
 * - Increases and decreases count what happened from 01-01 to 12-31 inclusive: 新发展 by 入党日期,
 *   转入 by 组织关系转入日期, 转正 by 转正日期, 取消预备党员资格 by the day of that decision, and the
 *   decreases by the day of leaving, for those who were members just before it.
 * - 职业 is the 工作岗位; a retired member counts as 离退休人员 whatever their former post.
 */
import { type LeavingReason } from './people-leaving.rules.ts';
import {
  completedYears,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  type EducationLevel,
  type Gender,
} from './people.rules.ts';
import { WORK_POST_LABELS, WORK_POSTS, type PartyStanding, type WorkPost } from './person-record.rules.ts';

/** The one row per person the statistics read. */
export interface AnnualStatsRecord {
  id: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: string | null;
  education: EducationLevel | null;
  status: 'applicant' | 'activist' | 'candidate' | 'probationary' | 'full' | 'non_party';
  joinedOn: string | null;
  confirmedOn: string | null;
  workPost: WorkPost | null;
  retired: boolean;
  partyStanding: PartyStanding | null;
  transferredInOn: string | null;
  leftOn: string | null;
  leftReason: LeavingReason | null;
  /** The day the probationary membership was cancelled (development step 24, 取消预备党员资格). */
  cancelledOn?: string | null;
}

export const ANNUAL_AGE_BANDS = ['to30', '31to35', '36to40', '41to45', '46to50', '51to55', '56to60', '61plus'] as const;
export type AnnualAgeBand = (typeof ANNUAL_AGE_BANDS)[number];
export const ANNUAL_AGE_BAND_LABELS: Record<AnnualAgeBand, string> = {
  to30: '30岁及以下',
  '31to35': '31—35岁',
  '36to40': '36—40岁',
  '41to45': '41—45岁',
  '46to50': '46—50岁',
  '51to55': '51—55岁',
  '56to60': '56—60岁',
  '61plus': '61岁及以上',
};

export function annualAgeBandOf(age: number): AnnualAgeBand {
  if (age <= 30) return 'to30';
  if (age <= 35) return '31to35';
  if (age <= 40) return '36to40';
  if (age <= 45) return '41to45';
  if (age <= 50) return '46to50';
  if (age <= 55) return '51to55';
  if (age <= 60) return '56to60';
  return '61plus';
}

export function yearEndOf(year: number): string {
  return `${String(year)}-12-31`;
}

function inYear(on: string | null | undefined, year: number): boolean {
  return !!on && on.slice(0, 4) === String(year);
}

/** 正式党员 / 预备党员 on the day, or null when not a member on record that day. */
export function standingOn(p: AnnualStatsRecord, day: string): 'full' | 'probationary' | null {
  if (p.status !== 'full' && p.status !== 'probationary') return null;
  if (p.leftOn && p.leftOn <= day) return null;
  if (p.joinedOn && p.joinedOn > day) return null;
  if (p.status === 'full' && p.confirmedOn && p.confirmedOn > day) return 'probationary';
  return p.status;
}

/** Age in whole years at 12-31 of the year, or null without a birth date. */
export function ageAtYearEnd(birthDate: string | null, year: number): number | null {
  return birthDate ? completedYears(birthDate, yearEndOf(year)) : null;
}

export const MINORITY_KEY = 'minority';
const HAN = '汉族';
const UNKNOWN = 'unknown';
const UNKNOWN_LABEL = '未填写';

export interface AnnualColumn {
  key: string;
  label: string;
}
export interface AnnualTableDef {
  key: string;
  title: string;
  columns: AnnualColumn[];
}

/** The figure keys (`table.column`) a person counts in for the year. */
export function figuresOf(p: AnnualStatsRecord, year: number): string[] {
  const figures: string[] = [];
  const standing = standingOn(p, yearEndOf(year));
  if (standing) {
    const ethnicity = p.ethnicity?.trim() || null;
    figures.push('overview.total', `overview.${standing}`, `overview.${p.gender}`);
    if (ethnicity && ethnicity !== HAN) figures.push(`overview.${MINORITY_KEY}`);
    if (p.partyStanding === 'stopped') figures.push('overview.stopped');
    const age = ageAtYearEnd(p.birthDate, year);
    figures.push(`age.${age === null ? UNKNOWN : annualAgeBandOf(age)}`);
    figures.push(`education.${p.education ?? UNKNOWN}`);
    if (p.education === 'postgraduate' || p.education === 'bachelor' || p.education === 'college') {
      figures.push('education.collegePlus');
    }
    figures.push(`ethnicity.${ethnicity ?? UNKNOWN}`);
    figures.push(`occupation.${p.retired ? 'retired' : (p.workPost ?? UNKNOWN)}`);
  }
  // Increases and decreases of the year.
  const member = p.status === 'full' || p.status === 'probationary';
  if (member && inYear(p.joinedOn, year) && !(p.leftOn && p.leftOn < p.joinedOn!)) figures.push('changes.developed');
  if (member && inYear(p.transferredInOn, year)) figures.push('changes.transferredIn');
  if (p.status === 'full' && inYear(p.confirmedOn, year)) figures.push('changes.converted');
  if (member && p.leftOn && p.leftReason && inYear(p.leftOn, year) && (!p.joinedOn || p.joinedOn < p.leftOn)) {
    figures.push(`changes.${p.leftReason}`);
  }
  if (inYear(p.cancelledOn, year)) figures.push('changes.cancelled');
  return figures;
}

/** The tables of the report; the ethnicity table has a column for each group the people have. */
export function annualTables(people: readonly AnnualStatsRecord[]): AnnualTableDef[] {
  const groups = [...new Set(people.map((p) => p.ethnicity?.trim() || null).filter((e): e is string => !!e))]
    .filter((e) => e !== HAN)
    .sort();
  return [
    {
      key: 'overview',
      title: '表一 党员总数及构成',
      columns: [
        { key: 'total', label: '党员总数' },
        { key: 'full', label: '正式党员' },
        { key: 'probationary', label: '预备党员' },
        { key: 'male', label: '男' },
        { key: 'female', label: '女' },
        { key: MINORITY_KEY, label: '少数民族' },
        { key: 'stopped', label: '停止党籍' },
      ],
    },
    {
      key: 'age',
      title: '表二 党员年龄',
      columns: [
        ...ANNUAL_AGE_BANDS.map((b) => ({ key: b, label: ANNUAL_AGE_BAND_LABELS[b] })),
        { key: UNKNOWN, label: UNKNOWN_LABEL },
      ],
    },
    {
      key: 'education',
      title: '表三 党员学历',
      columns: [
        ...EDUCATION_LEVELS.map((e) => ({ key: e, label: EDUCATION_LABELS[e] })),
        { key: UNKNOWN, label: UNKNOWN_LABEL },
        { key: 'collegePlus', label: '其中：大专及以上' },
      ],
    },
    {
      key: 'ethnicity',
      title: '表四 党员民族',
      columns: [
        { key: HAN, label: HAN },
        ...groups.map((g) => ({ key: g, label: g })),
        { key: UNKNOWN, label: UNKNOWN_LABEL },
      ],
    },
    {
      key: 'occupation',
      title: '表五 党员职业（工作岗位）',
      columns: [
        ...WORK_POSTS.map((w) => ({ key: w, label: WORK_POST_LABELS[w] })),
        { key: UNKNOWN, label: UNKNOWN_LABEL },
      ],
    },
    {
      key: 'changes',
      title: '表六 党员增减',
      columns: [
        { key: 'developed', label: '增加：新发展' },
        { key: 'transferredIn', label: '增加：组织关系转入' },
        { key: 'deceased', label: '减少：去世' },
        { key: 'transferred_out', label: '减少：调出' },
        { key: 'resigned', label: '减少：离职' },
        { key: 'cancelled', label: '减少：取消预备党员资格' },
        { key: 'converted', label: '预备党员转正' },
      ],
    },
  ];
}

/** Counts per figure key over the people. */
export function tallyFigures(people: readonly AnnualStatsRecord[], year: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of people) for (const f of figuresOf(p, year)) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}
