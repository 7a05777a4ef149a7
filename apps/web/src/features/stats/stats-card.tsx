import { lazy, Suspense } from 'react';
import { Card, Empty, Skeleton, Table } from 'antd';
import type { Bucket, StatsChartProps } from './stats-chart.tsx';
import styles from './stats.module.css';

const StatsChart = lazy(() => import('./stats-chart.tsx'));

function percent(count: number, total: number): string {
  return total > 0 ? `${((count / total) * 100).toFixed(1)}%` : '—';
}

/** A chart and, under it, the same numbers as a table (for screen readers and for paper). */
export function StatsCard({ title, kind, buckets, colors }: StatsChartProps) {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  return (
    <Card size="small" title={title} className={styles.card}>
      {total === 0 ? (
        <Empty description="暂无数据" />
      ) : (
        <>
          <Suspense fallback={<Skeleton.Node active className={styles.placeholder} />}>
            <StatsChart kind={kind} buckets={buckets} title={title} colors={colors} />
          </Suspense>
          <Table<Bucket>
            size="small"
            rowKey="key"
            dataSource={[...buckets]}
            pagination={false}
            className={styles.table}
            columns={[
              { title: '类别', dataIndex: 'label' },
              { title: '人数', dataIndex: 'count', align: 'right' },
              { title: '占比', key: 'share', align: 'right', render: (_: unknown, b) => percent(b.count, total) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  100%
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </Card>
  );
}
