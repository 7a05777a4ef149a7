/**
 * 民主评议党员 (democratic evaluation of members, rules.md): the grades, the four points the
 * reference court evaluates, the steps of a round, the tally of anonymous ballots with its
 * minimum-ballot rule, and the cap on 优秀.
 */

export const EVALUATION_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** The four points of the reference court (岗位职责, 审判绩效, 工作作风, 廉洁自律); a round picks some. */
export const EVALUATION_POINTS = ['duties', 'trial_performance', 'work_style', 'integrity'] as const;
export type EvaluationPoint = (typeof EVALUATION_POINTS)[number];
/** Every ballot also carries the overall grade (总体评价). */
export type BallotPoint = EvaluationPoint | 'overall';
export const BALLOT_POINT_LABELS: Record<BallotPoint, string> = {
  duties: '岗位职责',
  trial_performance: '审判绩效',
  work_style: '工作作风',
  integrity: '廉洁自律',
  overall: '总体评价',
};
export function ballotPointsOf(points: readonly EvaluationPoint[]): BallotPoint[] {
  return [...EVALUATION_POINTS.filter((p) => points.includes(p)), 'overall'];
}

/** Who casts the ballots of a round: the branch's members (党员互评) or all court staff (全院干警民主测评). */
export const VOTER_POOLS = ['branch_members', 'all_staff'] as const;
export type VoterPool = (typeof VOTER_POOLS)[number];
export const VOTER_POOL_LABELS: Record<VoterPool, string> = {
  branch_members: '党员互评（本支部党员）',
  all_staff: '民主测评（全院干警，含非党员）',
};

/**
 * The steps of rules.md in order: 学习教育 → 个人自评 → 党员互评、民主测评 (voting, then closed) →
 * 支委会提出等次建议 → 党员大会决定 → 结果公布并处理.
 */
export const ROUND_STEPS = [
  'study',
  'self_evaluation',
  'voting',
  'closed',
  'proposed',
  'decided',
  'published',
] as const;
export type RoundStep = (typeof ROUND_STEPS)[number];
export const ROUND_STEP_LABELS: Record<RoundStep, string> = {
  study: '学习教育',
  self_evaluation: '个人自评',
  voting: '互评测评投票中',
  closed: '投票已结束',
  proposed: '支委会已提出等次建议',
  decided: '党员大会已决定',
  published: '结果已公布',
};

/**
 * Whether a round may move from one step to the next. Steps never go back and are never skipped,
 * with one exception: an all-staff round (民主测评) has no self-evaluation of its own — the members'
 * self-evaluations belong to the branch round — so it may open its ballots straight from 学习教育.
 */
export function stepMoveProblem(from: RoundStep, to: RoundStep, pool: VoterPool): string | null {
  const i = ROUND_STEPS.indexOf(from);
  const j = ROUND_STEPS.indexOf(to);
  if (j === i + 1) return null;
  if (pool === 'all_staff' && from === 'study' && to === 'voting') return null;
  if (j <= i) return `评议已处于“${ROUND_STEP_LABELS[from]}”，不能回到“${ROUND_STEP_LABELS[to]}”`;
  return `须先完成“${ROUND_STEP_LABELS[ROUND_STEPS[i + 1]!]}”，才能进入“${ROUND_STEP_LABELS[to]}”`;
}

/** Court settings with their defaults (rules.md: minimum 5 ballots; 优秀 at most ⅓). */
export const DEFAULT_MIN_BALLOTS = 5;
export interface Share {
  numerator: number;
  denominator: number;
}
export const DEFAULT_EXCELLENT_CAP: Share = { numerator: 1, denominator: 3 };

/** The most members that may be graded 优秀: the share of the members, rounded down. */
export function maxExcellent(members: number, cap: Share = DEFAULT_EXCELLENT_CAP): number {
  if (members <= 0) return 0;
  return Math.floor((members * cap.numerator) / cap.denominator);
}

/** Null when the grades respect the cap; otherwise a sentence a secretary can act on. */
export function excellentCapProblem(
  grades: readonly EvaluationGrade[],
  cap: Share = DEFAULT_EXCELLENT_CAP,
): string | null {
  const excellent = grades.filter((g) => g === 'excellent').length;
  const max = maxExcellent(grades.length, cap);
  if (excellent <= max) return null;
  return `评为优秀的 ${String(excellent)} 人超过参评党员 ${String(grades.length)} 人的${String(cap.numerator)}/${String(cap.denominator)}（最多 ${String(max)} 人）`;
}

export type TallyAvailability =
  { available: true } | { available: false; reason: 'not_closed' | 'too_few_ballots'; message: string };

/**
 * A tally is shown only after the round's voting has ended and only when enough ballots exist that
 * no single vote can be inferred (rules.md, setting, default 5).
 */
export function tallyAvailability(step: RoundStep, ballots: number, minimum = DEFAULT_MIN_BALLOTS): TallyAvailability {
  if (ROUND_STEPS.indexOf(step) < ROUND_STEPS.indexOf('closed'))
    return { available: false, reason: 'not_closed', message: '投票结束后才能查看汇总结果' };
  if (ballots < minimum)
    return {
      available: false,
      reason: 'too_few_ballots',
      message: `有效票 ${String(ballots)} 张，少于 ${String(minimum)} 张，为保护投票人匿名不显示汇总结果`,
    };
  return { available: true };
}

export type GradeCounts = Record<EvaluationGrade, number>;
export interface PointTally {
  point: BallotPoint;
  counts: GradeCounts;
  /** Each grade's count divided by the ballots, 0–1, rounded to 4 places. */
  shares: Record<EvaluationGrade, number>;
}
export interface SubjectTally {
  subjectId: string;
  points: PointTally[];
}
/** One grouped count from the database: how many ballots gave this grade on this point to this member. */
export interface MarkCount {
  subjectId: string;
  point: BallotPoint;
  grade: EvaluationGrade;
  count: number;
}

export function emptyCounts(): GradeCounts {
  return { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
}

export function shareOf(count: number, ballots: number): number {
  if (ballots <= 0) return 0;
  return Math.round((count / ballots) * 10_000) / 10_000;
}

/** Counts and shares per member and point, from grouped counts; members and points in the given order. */
export function tallyMarks(
  subjectIds: readonly string[],
  points: readonly BallotPoint[],
  marks: readonly MarkCount[],
  ballots: number,
): SubjectTally[] {
  const counts = new Map<string, GradeCounts>();
  for (const m of marks) {
    const key = `${m.subjectId}|${m.point}`;
    const c = counts.get(key) ?? emptyCounts();
    c[m.grade] += m.count;
    counts.set(key, c);
  }
  return subjectIds.map((subjectId) => ({
    subjectId,
    points: points.map((point) => {
      const c = counts.get(`${subjectId}|${point}`) ?? emptyCounts();
      const shares = emptyCounts();
      for (const g of EVALUATION_GRADES) shares[g] = shareOf(c[g], ballots);
      return { point, counts: c, shares };
    }),
  }));
}

export interface BallotMarkInput {
  subjectId: string;
  grades: Partial<Record<BallotPoint, EvaluationGrade>>;
}

/**
 * A ballot grades every member of the round on every point, exactly once: a ballot leaving one
 * member out would tell which member cast it (the one left out), so none may.
 */
export function ballotProblems(
  marks: readonly BallotMarkInput[],
  subjectIds: readonly string[],
  points: readonly BallotPoint[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const expected = new Set(subjectIds);
  const seen = new Set<string>();
  marks.forEach((m, i) => {
    if (!expected.has(m.subjectId))
      problems.push({ path: `marks.${String(i)}.subjectId`, message: '被评议人不在本轮评议名单中' });
    else if (seen.has(m.subjectId))
      problems.push({ path: `marks.${String(i)}.subjectId`, message: '同一被评议人只能评一次' });
    seen.add(m.subjectId);
    for (const p of points)
      if (!m.grades[p])
        problems.push({ path: `marks.${String(i)}.grades.${p}`, message: `请评定“${BALLOT_POINT_LABELS[p]}”` });
    for (const p of Object.keys(m.grades) as BallotPoint[])
      if (!points.includes(p))
        problems.push({ path: `marks.${String(i)}.grades.${p}`, message: `本轮不评“${BALLOT_POINT_LABELS[p]}”` });
  });
  const missing = subjectIds.filter((id) => !seen.has(id)).length;
  if (missing > 0) problems.push({ path: 'marks', message: `还有 ${String(missing)} 名党员未评议，请全部评议后提交` });
  return problems;
}

/** 不合格 is acted on (《关于党员民主评议的规定》): 限期改正, 劝其退党, or 除名. */
export const FOLLOW_UP_MEASURES = ['rectify_within_limit', 'persuade_to_withdraw', 'remove'] as const;
export type FollowUpMeasure = (typeof FOLLOW_UP_MEASURES)[number];
export const FOLLOW_UP_MEASURE_LABELS: Record<FollowUpMeasure, string> = {
  rectify_within_limit: '限期改正',
  persuade_to_withdraw: '劝其退党',
  remove: '除名',
};

/** Who is evaluated in a branch's round: its party members (正式党员 and 预备党员). */
export function isEvaluatedMember(status: string): boolean {
  return status === 'full' || status === 'probationary';
}
