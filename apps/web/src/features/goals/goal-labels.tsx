import { Flex, Progress, Tag, Tooltip } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import {
  COURT_TYPE_LABELS,
  GOAL_LEVEL_LABELS,
  GOAL_REPORT_STATUS_LABELS,
  INDICATOR_KIND_LABELS,
  type CourtType,
  type Goal,
  type GoalLevel,
  type GoalReportStatus,
} from '@qizhi/domain';
import styles from './goals.module.css';

const LEVEL_COLORS: Record<GoalLevel, string> = {
  party_group: 'red',
  branch: 'volcano',
  unit: 'orange',
  member: 'gold',
};
const DIMENSION_COLORS: Record<CourtType, string> = {
  learning: 'blue',
  service: 'green',
  regulated: 'geekblue',
  clean: 'cyan',
  harmonious: 'purple',
  innovative: 'magenta',
};
const REPORT_COLORS: Record<GoalReportStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  returned: 'warning',
};

export function LevelTag({ level }: { level: GoalLevel }) {
  return <Tag color={LEVEL_COLORS[level]}>{GOAL_LEVEL_LABELS[level]}</Tag>;
}

export function DimensionTag({ dimension }: { dimension: CourtType }) {
  return <Tag color={DIMENSION_COLORS[dimension]}>{COURT_TYPE_LABELS[dimension]}</Tag>;
}

export function ReportStatusTag({ status }: { status: GoalReportStatus }) {
  return <Tag color={REPORT_COLORS[status]}>{GOAL_REPORT_STATUS_LABELS[status]}</Tag>;
}

export function percent(progress: number | null): string {
  return progress === null ? '—' : `${(Math.round(progress * 1000) / 10).toString()}%`;
}

/** The bar every goal view shows: red when the goal or something below it is late. */
export function GoalProgress({
  goal,
  compact,
}: {
  goal: Pick<Goal, 'progress' | 'overdue' | 'lateSelf'>;
  compact?: boolean;
}) {
  const status = goal.progress >= 1 ? 'success' : goal.overdue ? 'exception' : 'active';
  return (
    <Flex gap={4} align="center">
      <Progress
        percent={Math.round(goal.progress * 1000) / 10}
        status={status}
        size="small"
        className={compact ? styles.progressCompact : styles.progress}
        format={(p) => `${String(p ?? 0)}%`}
      />
      {goal.overdue && (
        <Tooltip title={goal.lateSelf ? '已过期限仍未完成' : '下级目标有逾期未完成'}>
          <WarningFilled className={goal.lateSelf ? styles.lateSelf : styles.lateBelow} aria-label="逾期" />
        </Tooltip>
      )}
    </Flex>
  );
}

/** “12 / 32 学时”, “已完成”, “未完成”. */
export function indicatorText(goal: Pick<Goal, 'indicatorKind' | 'targetValue' | 'unit' | 'currentValue'>): string {
  if (goal.indicatorKind === 'milestone')
    return goal.currentValue !== null && goal.currentValue >= 1 ? '已完成' : '未完成';
  const unit = goal.unit || (goal.indicatorKind === 'percentage' ? '%' : '');
  return `${String(goal.currentValue ?? 0)} / ${String(goal.targetValue)}${unit ? ` ${unit}` : ''}`;
}

export function indicatorKindLabel(goal: Pick<Goal, 'indicatorKind'>): string {
  return INDICATOR_KIND_LABELS[goal.indicatorKind];
}
