import { useMemo, useState } from 'react';
import { Badge, Input, Select, Space, Switch, Table, type TableColumnsType } from 'antd';
import { COURT_TYPE_LABELS, COURT_TYPES, type CourtType, type GoalListItem } from '@qizhi/domain';
import { buildGoalTree, filterGoals, type GoalTreeNode } from './goal-tree.ts';
import { DimensionTag, GoalProgress, indicatorText, LevelTag } from './goal-labels.tsx';

const columns: TableColumnsType<GoalTreeNode> = [
  {
    title: '目标',
    dataIndex: 'title',
    render: (_: unknown, g) => (
      <span>
        <LevelTag level={g.level} />
        {g.title}
        {g.pendingReports > 0 && (
          <Badge count={g.pendingReports} title="待审核的进度报告" size="small" style={{ marginLeft: 4 }} />
        )}
      </span>
    ),
  },
  {
    title: '维度',
    dataIndex: 'dimension',
    width: 90,
    render: (_: unknown, g) => <DimensionTag dimension={g.dimension} />,
  },
  { title: '责任主体', dataIndex: 'ownerName', width: 150 },
  { title: '权重', dataIndex: 'weight', width: 70, align: 'right' },
  {
    title: '指标',
    key: 'indicator',
    width: 130,
    // A decomposed goal is measured by its children; it shows only what it aims at.
    render: (_: unknown, g) =>
      g.childCount === 0
        ? indicatorText(g)
        : g.indicatorKind === 'milestone'
          ? '—'
          : `目标 ${String(g.targetValue)} ${g.unit}`,
  },
  { title: '完成度', key: 'progress', width: 200, render: (_: unknown, g) => <GoalProgress goal={g} /> },
  { title: '期限', dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? '—' },
];

/** The court-year's goals as a tree, with progress bars and late flags; a row opens the goal. */
export function GoalTreeTable({
  goals,
  onOpen,
}: {
  goals: readonly GoalListItem[];
  onOpen: (goal: GoalListItem) => void;
}) {
  const [dimension, setDimension] = useState<CourtType | undefined>();
  const [lateOnly, setLateOnly] = useState(false);
  const [text, setText] = useState('');
  const tree = useMemo(() => {
    const q = text.trim();
    const filtered =
      dimension || lateOnly || q
        ? filterGoals(
            goals,
            (g) =>
              (!dimension || g.dimension === dimension) &&
              (!lateOnly || g.lateSelf) &&
              (!q || g.title.includes(q) || g.ownerName.includes(q)),
          )
        : goals;
    return buildGoalTree(filtered);
  }, [goals, dimension, lateOnly, text]);
  const defaultExpanded = useMemo(
    () => goals.filter((g) => g.level === 'party_group' || g.level === 'branch').map((g) => g.id),
    [goals],
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <Select
          allowClear
          placeholder="六型法院维度"
          style={{ width: 150 }}
          value={dimension}
          onChange={setDimension}
          options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))}
        />
        <Input.Search allowClear placeholder="目标或责任主体" style={{ width: 200 }} onSearch={setText} />
        <Space size={4}>
          <Switch size="small" checked={lateOnly} onChange={setLateOnly} aria-label="只看逾期" />
          只看逾期未完成
        </Space>
      </Space>
      <Table<GoalTreeNode>
        size="small"
        rowKey="id"
        className="clickable-rows"
        columns={columns}
        dataSource={tree}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{ defaultExpandedRowKeys: defaultExpanded }}
        onRow={(g) => ({
          onClick: () => {
            onOpen(g);
          },
        })}
        locale={{ emptyText: '本年度还没有党建目标' }}
      />
    </>
  );
}
