import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { courtYear, type Goal } from '@qizhi/domain';
import { useCan } from '../../platform/session.tsx';
import { DecomposeModal } from './decompose-modal.tsx';
import { DimensionCards } from './dimension-cards.tsx';
import { GoalDetailDrawer } from './goal-detail-drawer.tsx';
import { GoalFormModal, type GoalFormState } from './goal-form-modal.tsx';
import { GoalSummaryTab } from './goal-summary-tab.tsx';
import { GoalTreeTable } from './goal-tree-table.tsx';
import { useGoalPath, usePendingReports, useTopGoals } from './goals.queries.ts';
import { ReportProgressModal } from './report-progress-modal.tsx';
import { ReviewReportsTab } from './review-reports-tab.tsx';
import { YearSelect } from './year-select.tsx';

const TABS = ['tree', 'review', 'dimensions', 'summary'] as const;
type Tab = (typeof TABS)[number];

/**
 * 目标四级分解: the tree, the reports to review, the six types and the year-end summary.
 * `?goal=<id>` opens that goal and the rows of the tree above it.
 */
export default function GoalsPage() {
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || courtYear();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'tree';
  const linked = search.get('goal');
  const path = useGoalPath(linked);
  const pending = usePendingReports(can('goals.manage'));
  const top = useTopGoals(year);
  const [openId, setOpenId] = useState<string | null>(linked);
  const [reporting, setReporting] = useState<Goal | null>(null);
  const [decomposing, setDecomposing] = useState<Goal | null>(null);
  const [form, setForm] = useState<GoalFormState>(null);

  const go = (next: { year?: number; tab?: Tab; goal?: string | null }) => {
    const params: Record<string, string> = {};
    const y = next.year ?? year;
    const t = next.tab ?? tab;
    const goal = next.goal === undefined ? linked : next.goal;
    if (y !== courtYear()) params.year = String(y);
    if (t !== 'tree') params.tab = t;
    if (goal && y === year) params.goal = goal;
    setSearch(params, { replace: true });
  };

  const pendingCount = pending.data?.items.length ?? 0;
  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">党建目标（四级分解）</h1>
        <Space wrap className="no-print">
          <YearSelect value={year} onChange={(y) => go({ year: y })} />
          {(top.data?.allowed.length ?? 0) > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', year })}>
              制定目标
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key as Tab })}
        items={[
          {
            key: 'tree',
            label: '目标树',
            children: <GoalTreeTable year={year} reveal={path.data?.items} onOpen={(g) => setOpenId(g.id)} />,
          },
          ...(can('goals.manage')
            ? [
                {
                  key: 'review',
                  label: (
                    <Badge count={pendingCount} size="small" offset={[8, -2]}>
                      进度审核
                    </Badge>
                  ),
                  children: <ReviewReportsTab />,
                },
              ]
            : []),
          { key: 'dimensions', label: '六型法院', children: <DimensionCards year={year} /> },
          { key: 'summary', label: '年度总结', children: <GoalSummaryTab year={year} /> },
        ]}
      />
      <GoalDetailDrawer
        goalId={openId}
        onClose={() => {
          setOpenId(null);
          if (linked) go({ goal: null });
        }}
        onOpenGoal={(id) => {
          setOpenId(id);
          go({ goal: id });
        }}
        actions={{
          onReport: setReporting,
          onDecompose: setDecomposing,
          onEdit: (g) => setForm({ mode: 'edit', goal: g }),
        }}
      />
      <ReportProgressModal goal={reporting} onClose={() => setReporting(null)} />
      <DecomposeModal goal={decomposing} onClose={() => setDecomposing(null)} />
      <GoalFormModal state={form} onClose={() => setForm(null)} />
    </Card>
  );
}
