import { Tag } from 'antd';
import { RULE_STATUS_LABELS, type RuleStatus } from '@qizhi/domain';

const COLORS: Record<RuleStatus, string> = { in_force: 'success', revised: 'processing', repealed: 'default' };

export function RuleStatusTag({ status }: { status: RuleStatus }) {
  return <Tag color={COLORS[status]}>{RULE_STATUS_LABELS[status]}</Tag>;
}
