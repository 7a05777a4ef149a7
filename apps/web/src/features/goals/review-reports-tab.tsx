import { useState } from 'react';
import { Alert, Button, Empty, Input, Modal, Skeleton, Space, Table } from 'antd';
import type { GoalReport } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { EvidenceLinks } from './goal-detail-drawer.tsx';
import { LevelTag } from './goal-labels.tsx';
import { goalsApi } from './goals.api.ts';
import styles from './goals.module.css';
import { useGoalSave, usePendingReports } from './goals.queries.ts';

interface Decision {
  report: GoalReport;
  decision: 'accept' | 'return';
  note: string;
}

/** 进度审核: the reports of the level below, each accepted (it moves progress) or returned with a reason. */
export function ReviewReportsTab() {
  const reports = usePendingReports();
  const [returning, setReturning] = useState<GoalReport | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const review = useGoalSave({
    save: ({ report, decision, note }: Decision) => goalsApi.decideReport(report.id, decision, note),
    success: (_report, { decision }) => (decision === 'accept' ? '已采纳，进度已更新' : '已退回'),
    onSaved: () => {
      setReturning(null);
      setReason('');
    },
  });
  const decide = (report: GoalReport, decision: Decision['decision'], note = '') => {
    setBusy(report.id);
    review.save({ report, decision, note });
  };

  if (reports.isPending) return <Skeleton active />;
  if (reports.isError) return <QueryErrorAlert error={reports.error} />;
  if (reports.data.items.length === 0) return <Empty description="没有待审核的进度报告" />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        className={styles.gapBelow}
        title="这里是由您所在层级审核的下一级进度报告；采纳后计入目标进度。"
      />
      <Table<GoalReport>
        size="small"
        rowKey="id"
        dataSource={reports.data.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: '目标',
            key: 'goal',
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                <LevelTag level={r.goalLevel} />
                {r.goalTitle}
              </Space>
            ),
          },
          { title: '责任主体', dataIndex: 'ownerName', width: 120 },
          {
            title: '报告完成值',
            key: 'value',
            width: 120,
            render: (_: unknown, r) =>
              r.indicatorKind === 'milestone'
                ? r.value >= 1
                  ? '已完成'
                  : '未完成'
                : `${String(r.value)} / ${String(r.targetValue)} ${r.unit}`,
          },
          { title: '说明', dataIndex: 'note' },
          { title: '佐证材料', key: 'files', render: (_: unknown, r) => <EvidenceLinks report={r} /> },
          { title: '报告人', dataIndex: 'reportedByName', width: 90 },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  loading={review.saving && busy === r.id}
                  onClick={() => decide(r, 'accept')}
                >
                  采纳
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setReturning(r);
                  }}
                >
                  退回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={returning !== null}
        title="退回进度报告"
        okText="退回"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: review.saving }}
        onOk={() => {
          if (returning) decide(returning, 'return', reason.trim());
        }}
        onCancel={() => {
          setReturning(null);
        }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="请说明退回原因，例如：请补充佐证材料"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </Modal>
    </>
  );
}
