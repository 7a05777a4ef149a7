import { Tag } from 'antd';
import {
  EVALUATION_GRADE_LABELS,
  ROUND_STEP_LABELS,
  VOTER_POOL_LABELS,
  type EvaluationGrade,
  type RoundStep,
  type VoterPool,
} from '@qizhi/domain';

const GRADE_COLORS: Record<EvaluationGrade, string> = {
  excellent: 'red',
  qualified: 'green',
  basically_qualified: 'orange',
  unqualified: 'default',
};

export function EvaluationGradeTag({ grade }: { grade: EvaluationGrade | null }) {
  return grade ? <Tag color={GRADE_COLORS[grade]}>{EVALUATION_GRADE_LABELS[grade]}</Tag> : <Tag>未定</Tag>;
}

export function RoundStepTag({ step }: { step: RoundStep }) {
  const color = step === 'voting' ? 'processing' : step === 'published' ? 'success' : 'default';
  return <Tag color={color}>{ROUND_STEP_LABELS[step]}</Tag>;
}

export function PoolTag({ pool }: { pool: VoterPool }) {
  return <Tag color={pool === 'all_staff' ? 'purple' : 'blue'}>{VOTER_POOL_LABELS[pool]}</Tag>;
}

/** A share (0–1) as a percentage with one decimal. */
export function sharePercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
