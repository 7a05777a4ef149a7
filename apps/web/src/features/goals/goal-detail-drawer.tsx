import { ApartmentOutlined, DeleteOutlined, EditOutlined, FileOutlined, FormOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Descriptions, Drawer, Empty, Flex, Skeleton, Space, Table, Typography } from 'antd';
import { formatCourtDateTime, GOAL_PROGRESS_SOURCE_NOTES, type Goal, type GoalReport } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { filesApi } from '../files/files.api.ts';
import {
  DimensionTag,
  GoalProgress,
  indicatorKindLabel,
  indicatorText,
  LevelTag,
  ReportStatusTag,
} from './goal-labels.tsx';
import { goalsApi } from './goals.api.ts';
import styles from './goals.module.css';
import { useGoalDetail, useGoalSave } from './goals.queries.ts';

export function EvidenceLinks({ report }: { report: Pick<GoalReport, 'files'> }) {
  if (report.files.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {report.files.map((f) => (
        <a key={f.id} href={filesApi.url(f.id)} target="_blank" rel="noreferrer">
          <FileOutlined /> {f.name}
        </a>
      ))}
    </Space>
  );
}

interface Actions {
  onReport: (goal: Goal) => void;
  onDecompose: (goal: Goal) => void;
  onEdit: (goal: Goal) => void;
}

/** One goal: where it sits in the tree, its numbers, its reports and what the viewer may do with it. */
export function GoalDetailDrawer({
  goalId,
  onClose,
  onOpenGoal,
  actions,
}: {
  goalId: string | null;
  onClose: () => void;
  /** Another goal of the tree (one above this one) is asked for. */
  onOpenGoal: (id: string) => void;
  actions: Actions;
}) {
  const { modal } = App.useApp();
  const isPhone = useIsPhone();
  const detail = useGoalDetail(goalId);
  const goal = detail.data;
  const deletion = useGoalSave({ save: goalsApi.remove, success: '已删除', onSaved: onClose });

  function remove(g: Goal) {
    modal.confirm({
      title: '删除目标',
      content: `确认删除“${g.title}”吗？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => deletion.saveAsync(g.id),
    });
  }

  const leaf = goal !== undefined && goal.childCount === 0;
  return (
    <Drawer
      open={goalId !== null}
      onClose={onClose}
      title={goal?.title ?? '目标'}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
    >
      {detail.isPending && <Skeleton active />}
      {detail.isError && <QueryErrorAlert error={detail.error} />}
      {goal && (
        <Flex vertical gap="middle">
          {goal.ancestors.length > 0 && (
            <Breadcrumb
              items={[
                ...goal.ancestors.map((a) => ({
                  title: <Typography.Link onClick={() => onOpenGoal(a.id)}>{a.title}</Typography.Link>,
                })),
                { title: goal.title },
              ]}
            />
          )}
          <Space wrap>
            {goal.canReport && leaf && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => actions.onReport(goal)}>
                报告进度
              </Button>
            )}
            {goal.canDecompose && (
              <Button icon={<ApartmentOutlined />} onClick={() => actions.onDecompose(goal)}>
                分解目标
              </Button>
            )}
            {goal.canManage && (
              <Button icon={<EditOutlined />} onClick={() => actions.onEdit(goal)}>
                修改
              </Button>
            )}
            {goal.canManage && leaf && goal.reports.length === 0 && (
              <Button danger icon={<DeleteOutlined />} onClick={() => remove(goal)}>
                删除
              </Button>
            )}
          </Space>
          <Descriptions
            size="small"
            bordered
            column={isPhone ? 1 : 2}
            items={[
              { key: 'level', label: '层级', children: <LevelTag level={goal.level} /> },
              { key: 'dimension', label: '维度', children: <DimensionTag dimension={goal.dimension} /> },
              { key: 'owner', label: '责任主体', children: goal.ownerName },
              { key: 'deadline', label: '完成期限', children: goal.deadline ?? '—' },
              {
                key: 'indicator',
                label: `指标（${indicatorKindLabel(goal)}）`,
                children: leaf ? indicatorText(goal) : `由${String(goal.childCount)}个下级目标汇总`,
              },
              { key: 'weight', label: '权重', children: goal.weight },
              { key: 'progress', label: '完成度', span: 2, children: <GoalProgress goal={goal} /> },
              ...(goal.progressSource !== 'report'
                ? [
                    {
                      key: 'source',
                      label: '进度来源',
                      span: 2,
                      children: (
                        <span data-testid="goal-progress-source">
                          {GOAL_PROGRESS_SOURCE_NOTES[goal.progressSource]}，由系统自动统计，无需填报
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(goal.description ? [{ key: 'description', label: '说明', span: 2, children: goal.description }] : []),
            ]}
          />
          <h3 className={styles.heading}>进度报告</h3>
          {goal.reports.length === 0 ? (
            <Empty
              description={
                !leaf
                  ? '已分解的目标由下级目标的进度汇总'
                  : goal.progressSource !== 'report'
                    ? GOAL_PROGRESS_SOURCE_NOTES[goal.progressSource]
                    : '还没有进度报告'
              }
            />
          ) : (
            <Table<GoalReport>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={goal.reports}
              columns={[
                {
                  title: '报告时间',
                  dataIndex: 'reportedAt',
                  width: 150,
                  render: (v: string) => formatCourtDateTime(v),
                },
                { title: '完成值', dataIndex: 'value', width: 80 },
                { title: '说明', dataIndex: 'note' },
                { title: '佐证', key: 'files', render: (_: unknown, r) => <EvidenceLinks report={r} /> },
                {
                  title: '审核',
                  key: 'status',
                  width: 160,
                  render: (_: unknown, r) => (
                    <Space orientation="vertical" size={0}>
                      <ReportStatusTag status={r.status} />
                      {r.reviewedByName && <span className={styles.small}>{r.reviewedByName}</span>}
                      {r.reviewNote && (
                        <Typography.Text type="secondary" className={styles.small}>
                          {r.reviewNote}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
