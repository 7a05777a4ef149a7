/**
 * 四议两公开: a matter goes through four deliberation steps in order, each held at a meeting, then
 * the resolution is disclosed, then the result. The four bodies are configurable per matter.
 */
export const DEFAULT_DELIBERATION_STEPS = ['支部委员会提议', '党组会商议', '党员大会审议', '全院干警大会决议'] as const;
export const DELIBERATION_STEP_COUNT = 4;

export const DISCLOSURE_KINDS = ['resolution', 'result'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  resolution: '决议公开',
  result: '实施结果公开',
};

export type DeliberationStage =
  { kind: 'step'; index: number } | { kind: 'disclosure'; disclosure: DisclosureKind } | { kind: 'done' };

export interface DeliberationProgress {
  /** Indexes of the steps already recorded. */
  doneSteps: readonly number[];
  resolutionDisclosed: boolean;
  resultDisclosed: boolean;
}

/** What comes next: the first step not recorded, then the resolution's disclosure, then the result's. */
export function nextDeliberationStage(p: DeliberationProgress): DeliberationStage {
  for (let i = 0; i < DELIBERATION_STEP_COUNT; i++) if (!p.doneSteps.includes(i)) return { kind: 'step', index: i };
  if (!p.resolutionDisclosed) return { kind: 'disclosure', disclosure: 'resolution' };
  if (!p.resultDisclosed) return { kind: 'disclosure', disclosure: 'result' };
  return { kind: 'done' };
}

export type DeliberationProblem = 'stepSkipped' | 'stepAlreadyDone' | 'disclosureTooEarly' | 'alreadyDisclosed';

export const DELIBERATION_PROBLEM_MESSAGES: Record<DeliberationProblem, string> = {
  stepSkipped: '“四议”须按顺序进行，不能跳过前一步',
  stepAlreadyDone: '该步骤已经办理',
  disclosureTooEarly: '“四议”完成并公开决议后，才能公开实施结果',
  alreadyDisclosed: '已经公开过',
};

export function checkDeliberationStep(p: DeliberationProgress, index: number): DeliberationProblem | null {
  if (p.doneSteps.includes(index)) return 'stepAlreadyDone';
  const next = nextDeliberationStage(p);
  return next.kind === 'step' && next.index === index ? null : 'stepSkipped';
}

export function checkDisclosure(p: DeliberationProgress, kind: DisclosureKind): DeliberationProblem | null {
  if (kind === 'resolution' ? p.resolutionDisclosed : p.resultDisclosed) return 'alreadyDisclosed';
  const next = nextDeliberationStage(p);
  return next.kind === 'disclosure' && next.disclosure === kind ? null : 'disclosureTooEarly';
}
