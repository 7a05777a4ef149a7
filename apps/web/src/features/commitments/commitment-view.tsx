import type { ReactNode } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import {
  COMMITMENT_STATUS_LABELS,
  PROMISE_RESULT_LABELS,
  type Commitment,
  type CommitmentStatus,
  type PromiseResult,
} from '@qizhi/domain';
import styles from './commitments.module.css';

const STATUS_COLORS: Record<CommitmentStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  returned: 'warning',
};
const RESULT_COLORS: Record<PromiseResult, string> = { kept: 'success', partly: 'warning', not: 'error' };

export function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{COMMITMENT_STATUS_LABELS[status]}</Tag>;
}

export function ResultTag({ result, prefix }: { result: PromiseResult | null; prefix?: string }) {
  if (!result) return null;
  return (
    <Tag color={RESULT_COLORS[result]}>
      {prefix}
      {PROMISE_RESULT_LABELS[result]}
    </Tag>
  );
}

/** A commitment as the notice board shows it: owner, promises, and the year-end results beside them. */
export function CommitmentView({ commitment: c, extra }: { commitment: Commitment; extra?: ReactNode }) {
  return (
    <Card
      size="small"
      title={
        <Space wrap size={4}>
          <span>{c.ownerName}</span>
          {c.orgUnitName && <span className={styles.orgUnit}>{c.orgUnitName}</span>}
        </Space>
      }
      extra={
        <Space size={4}>
          {c.status !== 'published' && <CommitmentStatusTag status={c.status} />}
          <ResultTag result={c.result} prefix="核实：" />
          {extra}
        </Space>
      }
    >
      <ol className={styles.promises}>
        {c.promises.map((p) => (
          <li key={p.id}>
            <span>{p.text}</span>
            {p.goalTitle && <span className={styles.goal}>（对应目标：{p.goalTitle}）</span>}{' '}
            <ResultTag result={p.selfAssessment} prefix="自评：" />
            <ResultTag result={p.verifiedResult} prefix="核实：" />
          </li>
        ))}
      </ol>
      {c.status === 'returned' && c.reviewNote && (
        <Typography.Text type="warning" className={styles.returned}>
          退回意见：{c.reviewNote}
        </Typography.Text>
      )}
    </Card>
  );
}
