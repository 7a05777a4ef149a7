/**
 * 发展党员 (member development) by 《中国共产党发展党员工作细则》(2014): 5 stages, 25 steps, recorded in
 * order, each no earlier than its rules allow.
 *
 * Choices where the regulation leaves room (documented in the issue 14 report):
 * - Periods "from" a date end on the same day of the month that many months/years later; when that
 *   month has no such day, on its last day (民法典 art. 202): 1 month from 01-31 → 02-28 (02-29 in a
 *   leap year), 1 year from 2024-02-29 → 2025-02-28. "At least 1 year" is satisfied on that day.
 * - Age 18 is reached on the 18th birthday (29 February births: 28 February of the 18th year).
 * - Steps are strictly sequential: step n needs step n − 1, and its date may not precede it.
 * - The talk (step 2, within 1 month) and the approvals (steps 17 and 24, within 3 months of the
 *   vote) are deadlines: the talk is recorded late with a flag; an approval after 3 months needs a
 *   stated special reason and after 6 months is refused (STEP_TOO_LATE).
 * - Step 6 (education and assessment) closes the activist's year: no earlier than 1 year after step 3,
 *   with an assessment at least every 6 months (so at least 2 assessments).
 * - Step 7 (designation as development candidate) also needs the full year since step 3.
 * - Probation is 1 year from the branch general meeting's vote (step 15); it can be extended once, by
 *   6 to 12 months; the conversion application (22) and vote (23) come no earlier than its end.
 */

export const DEVELOPMENT_STAGES = ['application', 'activist', 'candidate', 'probationary', 'conversion'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];
export const DEVELOPMENT_STAGE_LABELS: Record<DevelopmentStage, string> = {
  application: '申请入党',
  activist: '入党积极分子的确定和培养教育',
  candidate: '发展对象的确定和考察',
  probationary: '预备党员的接收',
  conversion: '预备党员的教育考察和转正',
};

export interface DevelopmentStepDef {
  step: number;
  stage: DevelopmentStage;
  label: string;
  /** The documents the step files (its 材料). */
  documents: string;
}

const S = (step: number, stage: DevelopmentStage, label: string, documents: string): DevelopmentStepDef => ({
  step,
  stage,
  label,
  documents,
});

export const DEVELOPMENT_STEPS: readonly DevelopmentStepDef[] = [
  S(1, 'application', '递交入党申请书（年满18周岁）', '入党申请书'),
  S(2, 'application', '党组织派人谈话（收到申请1个月内）', '谈话记录'),
  S(3, 'activist', '推荐和确定入党积极分子', '推荐材料、支委会会议记录'),
  S(4, 'activist', '上级党委备案', '入党积极分子备案表'),
  S(5, 'activist', '指定培养联系人（1至2名正式党员）', '培养联系人指定材料'),
  S(6, 'activist', '培养教育考察（每半年考察一次，满1年）', '考察登记表（每半年一次）'),
  S(7, 'candidate', '确定发展对象', '支委会会议记录、听取意见情况'),
  S(8, 'candidate', '报上级党委备案', '发展对象备案表'),
  S(9, 'candidate', '确定入党介绍人（2名正式党员）', '入党介绍人意见'),
  S(10, 'candidate', '进行政治审查', '政治审查报告'),
  S(11, 'candidate', '开展集中培训（不少于3天或24学时）', '培训结业证书'),
  S(12, 'probationary', '支部委员会审查', '支委会审查意见'),
  S(13, 'probationary', '上级党委预审', '预审意见'),
  S(14, 'probationary', '填写入党志愿书', '入党志愿书'),
  S(15, 'probationary', '支部党员大会讨论表决', '支部党员大会会议记录、表决结果'),
  S(16, 'probationary', '上级党委派人谈话', '谈话记录'),
  S(17, 'probationary', '上级党委审批（3个月内）', '审批意见'),
  S(18, 'probationary', '再上一级党委组织部门备案', '备案材料'),
  S(19, 'conversion', '编入党支部和党小组', '编组情况'),
  S(20, 'conversion', '入党宣誓', '宣誓记录'),
  S(21, 'conversion', '继续教育考察', '预备党员考察登记表'),
  S(22, 'conversion', '提出转正申请（预备期满1年）', '转正申请书'),
  S(23, 'conversion', '支部党员大会讨论表决', '支部党员大会会议记录、表决结果'),
  S(24, 'conversion', '上级党委审批（3个月内）', '审批意见'),
  S(25, 'conversion', '材料归档', '入党材料归档清单'),
];
export const DEVELOPMENT_STEP_COUNT = 25;
/** Steps decided by a vote of the 支部党员大会, taken from the meeting's record. */
export const VOTE_STEPS = { 15: 'admission', 23: 'confirmation' } as const;
export const TRAINING_MIN_DAYS = 3;
export const TRAINING_MIN_HOURS = 24;
export const MIN_ASSESSMENTS = 2;
export const EXTENSION_MIN_MONTHS = 6;
export const EXTENSION_MAX_MONTHS = 12;

export function stepDef(step: number): DevelopmentStepDef {
  const def = DEVELOPMENT_STEPS[step - 1];
  if (!def) throw new Error(`no development step ${String(step)}`);
  return def;
}

export function stageOfStep(step: number): DevelopmentStage {
  return stepDef(step).stage;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `n` months later (or earlier); the month's last day when it has no such day. */
export function addMonthsClamped(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, lastDayOfMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addYearsClamped(isoDate: string, n: number): string {
  return addMonthsClamped(isoDate, 12 * n);
}

/** 2026年3月1日: how a date reads in a refusal. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${String(y)}年${String(m)}月${String(d)}日`;
}

/** A person's development record, as the rules need it. */
export interface DevelopmentState {
  birthDate: string | null;
  /** Recorded steps: number → date. */
  steps: ReadonlyMap<number, string>;
  /** Dates of the activist's assessments (step 6's every-6-months record). */
  assessments: readonly string[];
  /** Probation extension (months), if decided. */
  extensionMonths: number | null;
}

/** The day probation ends (1 year from the admission vote, plus any extension), or null before the vote. */
export function probationEndsOn(state: Pick<DevelopmentState, 'steps' | 'extensionMonths'>): string | null {
  const vote = state.steps.get(15);
  if (!vote) return null;
  return addMonthsClamped(vote, 12 + (state.extensionMonths ?? 0));
}

export type StepCheck =
  | { ok: true; earliest: string | null; late: boolean; deadline: string | null; warning: string | null }
  | { ok: false; code: 'STEP_OUT_OF_ORDER'; missing: number; message: string }
  | { ok: false; code: 'STEP_ALREADY_RECORDED'; message: string }
  | { ok: false; code: 'STEP_TOO_EARLY'; earliest: string; message: string }
  | { ok: false; code: 'STEP_TOO_LATE'; latest: string; message: string };

interface Bound {
  date: string;
  why: string;
}

/** The earliest day a step may be recorded, with why, given the earlier steps (all present). */
export function earliestFor(step: number, state: DevelopmentState): Bound | null {
  const at = (n: number) => state.steps.get(n)!;
  const bounds: Bound[] = [];
  if (step > 1)
    bounds.push({ date: at(step - 1), why: `不能早于第${String(step - 1)}步（${stepDef(step - 1).label}）的日期` });
  if (step === 1 && state.birthDate)
    bounds.push({ date: addYearsClamped(state.birthDate, 18), why: '申请入党须年满18周岁' });
  if (step === 6 || step === 7)
    bounds.push({ date: addYearsClamped(at(3), 1), why: '入党积极分子须经过1年以上的培养教育和考察' });
  if (step === 22 || step === 23) {
    const ends = probationEndsOn(state)!;
    bounds.push({
      date: ends,
      why: state.extensionMonths
        ? `预备期（延长${String(state.extensionMonths)}个月）至${chineseDate(ends)}届满`
        : `预备期为1年，自支部党员大会通过之日（${chineseDate(at(15))}）起算`,
    });
  }
  let best: Bound | null = null;
  for (const b of bounds) if (!best || b.date > best.date) best = b;
  return best;
}

/** The deadline of a step (the talk, the approvals), counted from the step it follows. */
export function deadlineFor(
  step: number,
  steps: ReadonlyMap<number, string>,
): { date: string; hard: string | null } | null {
  if (step === 2 && steps.get(1)) return { date: addMonthsClamped(steps.get(1)!, 1), hard: null };
  if (step === 17 && steps.get(15))
    return { date: addMonthsClamped(steps.get(15)!, 3), hard: addMonthsClamped(steps.get(15)!, 6) };
  if (step === 24 && steps.get(23))
    return { date: addMonthsClamped(steps.get(23)!, 3), hard: addMonthsClamped(steps.get(23)!, 6) };
  return null;
}

/** May `step` be recorded on `on`? Requirements beyond dates (training hours, votes) are checked by the caller. */
export function checkStep(
  step: number,
  on: string,
  state: DevelopmentState,
  opts: { specialReason?: boolean } = {},
): StepCheck {
  if (state.steps.has(step)) return { ok: false, code: 'STEP_ALREADY_RECORDED', message: `第${String(step)}步已登记` };
  for (let n = 1; n < step; n++)
    if (!state.steps.has(n))
      return {
        ok: false,
        code: 'STEP_OUT_OF_ORDER',
        missing: n,
        message: `须先完成第${String(n)}步（${stepDef(n).label}），才能登记第${String(step)}步`,
      };
  const earliest = earliestFor(step, state);
  if (earliest && on < earliest.date)
    return {
      ok: false,
      code: 'STEP_TOO_EARLY',
      earliest: earliest.date,
      message: `第${String(step)}步（${stepDef(step).label}）最早可于${chineseDate(earliest.date)}登记：${earliest.why}`,
    };
  const deadline = deadlineFor(step, state.steps);
  if (deadline?.hard && on > deadline.hard)
    return {
      ok: false,
      code: 'STEP_TOO_LATE',
      latest: deadline.hard,
      message: `第${String(step)}步须在表决后3个月内完成，特殊情况可延长至6个月（${chineseDate(deadline.hard)}），已超过期限`,
    };
  if (deadline?.hard && on > deadline.date && !opts.specialReason)
    return {
      ok: false,
      code: 'STEP_TOO_LATE',
      latest: deadline.date,
      message: `第${String(step)}步须在表决后3个月内（${chineseDate(deadline.date)}前）完成；超过的须说明特殊情况（最长6个月）`,
    };
  return {
    ok: true,
    earliest: earliest?.date ?? null,
    late: deadline !== null && on > deadline.date,
    deadline: deadline?.date ?? null,
    warning: step === 6 ? assessmentShortfall(on, state) : null,
  };
}

/**
 * Step 6 closes a year of assessment every 6 months: fewer than 2 assessments since step 3 is noted on
 * the record and the board (not refused: the 考察登记表 may be on paper only).
 */
export function assessmentShortfall(on: string, state: DevelopmentState): string | null {
  const from = state.steps.get(3);
  if (!from) return null;
  const count = state.assessments.filter((d) => d >= from && d <= on).length;
  return count >= MIN_ASSESSMENTS
    ? null
    : `培养教育考察须每半年考察一次，满1年至少有${String(MIN_ASSESSMENTS)}次考察记录（已登记${String(count)}次）`;
}

/** Concentrated training enough for admission: at least 3 days or 24 class hours. */
export function trainingSufficient(days: number | null | undefined, hours: number | null | undefined): boolean {
  return (days ?? 0) >= TRAINING_MIN_DAYS || (hours ?? 0) >= TRAINING_MIN_HOURS;
}

/** May probation be extended (once, 6 to 12 months, decided when probation ends, before the conversion vote)? */
export function checkExtension(months: number, on: string, state: DevelopmentState): string | null {
  if (!state.steps.has(15)) return '尚未接收为预备党员';
  if (state.extensionMonths !== null) return '预备期只能延长一次';
  if (state.steps.has(23)) return '支部党员大会已讨论转正，不能再延长预备期';
  if (!Number.isInteger(months) || months < EXTENSION_MIN_MONTHS || months > EXTENSION_MAX_MONTHS)
    return '延长预备期最短6个月、最长1年';
  const ends = probationEndsOn(state)!;
  if (on < ends) return `预备期至${chineseDate(ends)}届满，届满时才能讨论延长`;
  return null;
}

/** What is next for a person: the step, and the earliest and latest days for it. */
export function nextStepOf(state: DevelopmentState): {
  step: number | null;
  earliest: string | null;
  deadline: string | null;
  nextAssessment: string | null;
} {
  let step = 1;
  while (step <= DEVELOPMENT_STEP_COUNT && state.steps.has(step)) step++;
  if (step > DEVELOPMENT_STEP_COUNT) return { step: null, earliest: null, deadline: null, nextAssessment: null };
  const earliest = earliestFor(step, state)?.date ?? null;
  const deadline = deadlineFor(step, state.steps)?.date ?? null;
  let nextAssessment: string | null = null;
  if (state.steps.has(3) && !state.steps.has(6)) {
    const last =
      [...state.assessments]
        .filter((d) => d >= state.steps.get(3)!)
        .sort()
        .at(-1) ?? state.steps.get(3)!;
    nextAssessment = addMonthsClamped(last, 6);
  }
  return { step, earliest, deadline, nextAssessment };
}
