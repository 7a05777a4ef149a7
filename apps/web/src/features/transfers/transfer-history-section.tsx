import { Card, Empty, Table } from 'antd';
import { Link } from 'react-router';
import type { TransferItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import styles from './transfers.module.css';
import { directionLabel, TransferStatusTag } from './transfer-labels.tsx';
import { usePersonTransfers } from './transfers.queries.ts';

/** 组织关系转接 on a person's record: each move between organisations, oldest first. */
export function TransferHistorySection({ personId }: { personId: string }) {
  const history = usePersonTransfers(personId);
  const letters = useCan()('transfers.read');
  return (
    <Card size="small" title="组织关系转接" className={styles.section} data-testid="transfer-history">
      {history.isError && <QueryErrorAlert error={history.error} />}
      <Table<TransferItem>
        size="small"
        rowKey="id"
        loading={history.isPending}
        pagination={false}
        dataSource={history.data?.items}
        scroll={{ x: 840 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无转接记录" /> }}
        columns={[
          { title: '日期', key: 'on', width: 110, render: (_, t) => t.receivedOn ?? t.issuedOn },
          { title: '类别', key: 'direction', width: 90, render: (_, t) => directionLabel(t) },
          { title: '由', dataIndex: 'fromName', width: 200 },
          { title: '转至', dataIndex: 'toName', width: 200 },
          {
            title: '介绍信',
            dataIndex: 'letterNo',
            width: 120,
            render: (no: string, t) =>
              t.direction === 'out' && letters ? <Link to={`/transfers/${t.id}/letter`}>{no}</Link> : no,
          },
          { title: '状态', key: 'status', width: 120, render: (_, t) => <TransferStatusTag item={t} /> },
        ]}
      />
    </Card>
  );
}
