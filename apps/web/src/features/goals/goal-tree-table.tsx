import { useEffect, useMemo, useState } from 'react';
import { Badge, Input, Select, Skeleton, Space, Switch, Table, type TableColumnsType } from 'antd';
import { COURT_TYPE_LABELS, COURT_TYPES, type CourtType, type GoalListItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { DimensionTag, GoalProgress, indicatorText, LevelTag } from './goal-labels.tsx';
import { buildGoalTree, filterGoalTree, rowsToReveal, type GoalTreeNode } from './goal-tree.ts';
import styles from './goals.module.css';
import { useChildGoals, useTopGoals } from './goals.queries.ts';

const columns: TableColumnsType<GoalTreeNode> = [
  {
    title: '目标',
    dataIndex: 'title',
    render: (_: unknown, g) => (
      <span>
        <LevelTag level={g.level} />
        {g.title}
        {g.pendingReports > 0 && (
          <Badge count={g.pendingReports} title="待审核的进度报告" size="small" className={styles.pending} />
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

interface Filters {
  dimension?: CourtType;
  lateOnly: boolean;
  text: string;
}

function matcher({ dimension, lateOnly, text }: Filters): ((g: GoalListItem) => boolean) | null {
  const q = text.trim();
  if (!dimension && !lateOnly && !q) return null;
  return (g) =>
    (!dimension || g.dimension === dimension) &&
    // `overdue` is the goal or something below it late: the rows that lead to a late goal stay.
    (!lateOnly || g.overdue) &&
    (!q || g.title.includes(q) || g.ownerName.includes(q));
}

/**
 * The court-year's goals as a tree, a level at a time: the top goals first, a goal's children when
 * its row is opened. `reveal` (a path from the top down) opens the rows above a goal and marks it.
 */
export function GoalTreeTable({
  year,
  reveal,
  onOpen,
}: {
  year: number;
  reveal?: readonly GoalListItem[];
  onOpen: (goal: GoalListItem) => void;
}) {
  const [filters, setFilters] = useState<Filters>({ lateOnly: false, text: '' });
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const top = useTopGoals(year);
  const levels = useChildGoals(year, expanded);

  useEffect(() => {
    setExpanded([]);
  }, [year]);
  useEffect(() => {
    if (!reveal) return;
    setExpanded((open) => [...new Set([...open, ...rowsToReveal(reveal)])]);
  }, [reveal]);

  const tree = useMemo(() => {
    const childrenOf = new Map<string, GoalListItem[]>();
    levels.forEach((level, i) => {
      const parentId = expanded[i];
      if (parentId && level.data) childrenOf.set(parentId, level.data.items);
    });
    const rows = buildGoalTree(top.data?.items ?? [], childrenOf);
    const keep = matcher(filters);
    return keep ? filterGoalTree(rows, keep) : rows;
  }, [top.data, levels, expanded, filters]);

  if (top.isPending) return <Skeleton active />;
  if (top.isError) return <QueryErrorAlert error={top.error} />;
  const target = reveal?.at(-1)?.id;
  const failed = levels.find((level) => level.isError);
  return (
    <>
      {failed && <QueryErrorAlert error={failed.error} />}
      <Space wrap className={`no-print ${styles.filters ?? ''}`}>
        <Select
          allowClear
          placeholder="六型法院维度"
          className={styles.dimension}
          value={filters.dimension}
          onChange={(dimension) => setFilters((f) => ({ ...f, dimension }))}
          options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))}
        />
        <Input.Search
          allowClear
          placeholder="目标或责任主体"
          className={styles.search}
          onSearch={(text) => setFilters((f) => ({ ...f, text }))}
        />
        <Space size={4}>
          <Switch
            size="small"
            checked={filters.lateOnly}
            onChange={(lateOnly) => setFilters((f) => ({ ...f, lateOnly }))}
            aria-label="只看逾期"
          />
          只看逾期未完成
        </Space>
      </Space>
      <Table<GoalTreeNode>
        size="small"
        rowKey="id"
        className="clickable-rows"
        columns={columns}
        dataSource={tree}
        loading={levels.some((level) => level.isPending)}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpand: (open, goal) =>
            setExpanded((keys) => (open ? [...keys, goal.id] : keys.filter((key) => key !== goal.id))),
        }}
        rowClassName={(g) => (g.id === target ? (styles.revealed ?? '') : '')}
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
