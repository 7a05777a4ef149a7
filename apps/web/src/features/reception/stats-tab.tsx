import { Button, Flex, Skeleton, Table } from 'antd';
import { VISIT_CATEGORY_LABELS } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { receptionApi } from './reception.api.ts';
import { StatsCard } from '../stats/stats-card.tsx';
import { useInquiryStats, useVisitStats } from './reception.queries.ts';

/**
 * 月度、年度统计: visitors by month and by category as charts (ECharts, loaded with the chart) with the
 * same numbers as tables, handled on time per month; first inquiries by department; the .xlsx.
 */
export function StatsTab({ year }: { year: number }) {
  const can = useCan();
  const stats = useVisitStats(year);
  const inquiries = useInquiryStats(year, can('reception.read'));
  if (stats.isPending) return <Skeleton active />;
  if (stats.isError) return <QueryErrorAlert error={stats.error} />;
  const s = stats.data;
  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="center" wrap>
        <h2>
          {year}年来访 {s.total} 人次
        </h2>
        <Button className="no-print" onClick={() => void receptionApi.downloadStats(year)}>
          导出 Excel
        </Button>
      </Flex>
      <StatsCard
        title="各月来访人次"
        kind="bar"
        buckets={s.months.map((m) => ({ key: String(m.month), label: `${String(m.month)}月`, count: m.visitors }))}
      />
      <StatsCard
        title="来访类别"
        kind="pie"
        buckets={s.categories.map((c) => ({
          key: c.category,
          label: VISIT_CATEGORY_LABELS[c.category],
          count: c.count,
        }))}
      />
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        title={() => '月度办理情况（需办理的来访）'}
        dataSource={s.months}
        columns={[
          { title: '月份', dataIndex: 'month', width: 70, render: (m: number) => `${String(m)}月` },
          { title: '来访人次', dataIndex: 'visitors' },
          { title: '办结', dataIndex: 'handled' },
          { title: '按期办结', dataIndex: 'onTime' },
          {
            title: '按期率',
            key: 'rate',
            render: (_: unknown, m) => (m.handled ? `${((m.onTime / m.handled) * 100).toFixed(1)}%` : '—'),
          },
        ]}
      />
      {inquiries.data && (
        <Table
          size="small"
          rowKey="departmentName"
          pagination={false}
          title={() => '首问负责（按首问人所在部门）'}
          dataSource={inquiries.data.departments}
          columns={[
            { title: '部门', dataIndex: 'departmentName' },
            { title: '首问', dataIndex: 'total' },
            { title: '一次性告知', dataIndex: 'answered' },
            { title: '移交', dataIndex: 'handedOver' },
            { title: '院外', dataIndex: 'directedOutside' },
            { title: '未办结', dataIndex: 'open' },
          ]}
        />
      )}
    </Flex>
  );
}
