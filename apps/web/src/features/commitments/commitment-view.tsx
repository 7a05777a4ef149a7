import type { ReactNode } from 'react';
import { Card, Space, Tag } from 'antd';
import {
  COMMITMENT_STATUS_LABELS,
  PROMISE_RESULT_LABELS,
  type Commitment,
  type CommitmentStatus,
  type PromiseResult,
} from '@qizhi/domain';

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
          {c.orgUnitName && <span style={{ color: '#8c8c8c', fontWeight: 400, fontSize: 12 }}>{c.orgUnitName}</span>}
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
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {c.promises.map((p) => (
          <li key={p.id} style={{ marginBottom: 4 }}>
            <span>{p.text}</span>
            {p.goalTitle && <span style={{ color: '#8c8c8c', fontSize: 12 }}>（对应目标：{p.goalTitle}）</span>}{' '}
            <ResultTag result={p.selfAssessment} prefix="自评：" />
            <ResultTag result={p.verifiedResult} prefix="核实：" />
          </li>
        ))}
      </ol>
      {c.status === 'returned' && c.reviewNote && (
        <div style={{ color: '#d46b08', fontSize: 12, marginTop: 8 }}>退回意见：{c.reviewNote}</div>
      )}
    </Card>
  );
}
