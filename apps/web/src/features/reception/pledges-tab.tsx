import { Skeleton, Table } from 'antd';
import { PLEDGE_MEASURE_LABELS, type ServicePledge } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { usePledges } from './reception.queries.ts';

/** 服务承诺: the court's published pledges, with this year's figures where records measure them. */
export function PledgesTab() {
  const pledges = usePledges();
  if (pledges.isPending) return <Skeleton active />;
  if (pledges.isError) return <QueryErrorAlert error={pledges.error} />;
  return (
    <Table<ServicePledge>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={pledges.data.items}
      columns={[
        { title: '承诺事项', dataIndex: 'title' },
        { title: '时限', dataIndex: 'timeLimit', width: 200 },
        {
          title: '本年度兑现（依据记录）',
          key: 'measured',
          width: 260,
          render: (_: unknown, p) =>
            p.measure && p.measured
              ? `${PLEDGE_MEASURE_LABELS[p.measure]} ${p.measured.rate === null ? '—' : `${(p.measured.rate * 100).toFixed(1)}%`}（${String(p.measured.count)}件）`
              : '—',
        },
      ]}
    />
  );
}
