import { Tag } from 'antd';
import { RECEIPT_STATUS_LABELS, type TransferItem } from '@qizhi/domain';

const STATUS_COLOR = { awaiting: 'blue', overdue: 'red', returned: 'green', received: 'green' } as const;

/** Where a letter stands: 待回执, 逾期未回执 (with the days), 回执已返回, 已接收. */
export function TransferStatusTag({ item }: { item: TransferItem }) {
  return (
    <Tag color={STATUS_COLOR[item.status]}>
      {RECEIPT_STATUS_LABELS[item.status]}
      {item.status === 'overdue' ? ` ${String(item.daysOverdue)}天` : ''}
    </Tag>
  );
}

/** 转出 / 院内转接 / 转入. */
export function directionLabel(item: TransferItem): string {
  if (item.direction === 'in') return '转入';
  return item.internal ? '院内转接' : '转出';
}
