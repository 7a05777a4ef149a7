export const MEMBERSHIP_STATUSES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
};
/** Non-party staff (群众) have no membership at all; the roster still lists them. */
export const NON_PARTY_LABEL = '群众';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'college', 'secondary', 'primary'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  postgraduate: '研究生',
  bachelor: '大学本科',
  college: '大学专科',
  secondary: '中专及高中',
  primary: '初中及以下',
};

export const AGE_BANDS = ['under30', '30to39', '40to49', '50to59', '60plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under30: '30岁以下',
  '30to39': '30—39岁',
  '40to49': '40—49岁',
  '50to59': '50—59岁',
  '60plus': '60岁及以上',
};
/** Inclusive lower and exclusive upper age of each band. */
export const AGE_BAND_RANGES: Record<AgeBand, [number, number]> = {
  under30: [0, 30],
  '30to39': [30, 40],
  '40to49': [40, 50],
  '50to59': [50, 60],
  '60plus': [60, 200],
};

export const PARTY_AGE_BANDS = ['under5', '5to9', '10to19', '20to29', '30plus'] as const;
export type PartyAgeBand = (typeof PARTY_AGE_BANDS)[number];
export const PARTY_AGE_BAND_LABELS: Record<PartyAgeBand, string> = {
  under5: '不满5年',
  '5to9': '5—9年',
  '10to19': '10—19年',
  '20to29': '20—29年',
  '30plus': '30年及以上',
};

/** Whole years from `fromIso` to `onIso`: a birthday or anniversary counts on its day. */
export function completedYears(fromIso: string, onIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = onIso.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

export function ageBandOf(age: number): AgeBand {
  if (age < 30) return 'under30';
  if (age < 40) return '30to39';
  if (age < 50) return '40to49';
  if (age < 60) return '50to59';
  return '60plus';
}

export function partyAgeBandOf(years: number): PartyAgeBand {
  if (years < 5) return 'under5';
  if (years < 10) return '5to9';
  if (years < 20) return '10to19';
  if (years < 30) return '20to29';
  return '30plus';
}

/**
 * Reads the ways offices write a date in a spreadsheet cell: 2019-07-01, 2019-7-1, 2019.07.01,
 * 2019/7/1, 2019年7月1日, 20190701. Returns the ISO date, or null when it is not a real day.
 */
export function parseLooseDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Party discipline on the record (rules.md, "Voting": no vote while under 留党察看 or suspended).

/** 留党察看 lasts at most two years (党章 art. 39). */
export const PROBATION_IN_PARTY_MAX_YEARS = 2;

export interface DisciplineDates {
  probationFrom?: string | null;
  probationTo?: string | null;
  suspendedFrom?: string | null;
  suspendedTo?: string | null;
}

/** Why a person's 留党察看 or suspension dates cannot be, as field issues (empty when they can). */
export function disciplineProblems(
  status: MembershipStatus | 'non_party',
  d: DisciplineDates,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const member = status === 'full' || status === 'probationary';
  const periods = [
    { from: 'probationFrom', to: 'probationTo', label: '留党察看' },
    { from: 'suspendedFrom', to: 'suspendedTo', label: '暂停党员权利' },
  ] as const;
  for (const p of periods) {
    const from = d[p.from] ?? null;
    const to = d[p.to] ?? null;
    if (!from && to) issues.push({ path: p.from, message: `请填写${p.label}开始日期` });
    if (from && !member) issues.push({ path: p.from, message: `只有党员才能登记${p.label}` });
    if (from && to && to < from) issues.push({ path: p.to, message: `${p.label}结束日期不能早于开始日期` });
  }
  const { probationFrom: from, probationTo: to } = d;
  if (from && to && to > `${String(Number(from.slice(0, 4)) + PROBATION_IN_PARTY_MAX_YEARS)}${from.slice(4)}`) {
    issues.push({ path: 'probationTo', message: '留党察看最长不超过两年（《中国共产党章程》第三十九条）' });
  }
  return issues;
}
