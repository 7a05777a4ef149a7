import { Button, Flex, Progress, Skeleton, Table } from 'antd';
import { VISIT_CATEGORY_LABELS } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { receptionApi } from './reception.api.ts';
import styles from './reception.module.css';
import { useInquiryStats, useVisitStats } from './reception.queries.ts';

/** 月度、年度统计: visitors by month (as bars), categories, handled on time; first inquiries by department. */
export function StatsTab({ year }: { year: number }) {
  const can = useCan();
  const stats = useVisitStats(year);
  const inquiries = useInquiryStats(year, can('reception.read'));
  if (stats.isPending) return <Skeleton active />;
  if (stats.isError) return <QueryErrorAlert error={stats.error} />;
  const s = stats.data;
  const most = Math.max(1, ...s.months.map((m) => m.visitors));
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
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={s.months}
        columns={[
          { title: '月份', dataIndex: 'month', width: 70, render: (m: number) => `${String(m)}月` },
          {
            title: '来访人次',
            dataIndex: 'visitors',
            render: (v: number) => (
              <div className={styles.barTrack}>
                <Progress percent={(v / most) * 100} format={() => String(v)} size="small" />
              </div>
            ),
          },
          { title: '办结', dataIndex: 'handled', width: 80 },
          { title: '按期办结', dataIndex: 'onTime', width: 90 },
        ]}
      />
      <Table
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={s.categories}
        columns={[
          {
            title: '类别',
            dataIndex: 'category',
            render: (c: keyof typeof VISIT_CATEGORY_LABELS) => VISIT_CATEGORY_LABELS[c],
          },
          { title: '人次', dataIndex: 'count' },
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
