import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Table, Tag } from 'antd';
import { HONOUR_LEVEL_LABELS, type Honour } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import styles from './honours.module.css';
import { usePersonHonours, useSanctions } from './honours.queries.ts';
import { SanctionFormModal } from './sanction-form-modal.tsx';
import { SanctionsTable } from './sanctions-table.tsx';

/** 奖惩与荣誉 on a member's page: their commendations, criticisms and individual honours. */
export function MemberSanctionsSection({ personId }: { personId: string }) {
  const can = useCan();
  const sanctions = useSanctions(personId);
  const honours = usePersonHonours(personId);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title="奖惩与荣誉"
      className={styles.section}
      extra={
        can('honours.manage') ? (
          <Button size="small" icon={<PlusOutlined />} className="no-print" onClick={() => setAdding(true)}>
            登记奖惩
          </Button>
        ) : null
      }
    >
      {sanctions.isPending && <Skeleton active />}
      {sanctions.isError && <QueryErrorAlert error={sanctions.error} />}
      {sanctions.data && <SanctionsTable items={sanctions.data.items} showPerson={false} />}
      {honours.data && honours.data.items.length > 0 && (
        <Table<Honour>
          size="small"
          rowKey="id"
          className={styles.personHonours}
          pagination={false}
          dataSource={honours.data.items}
          columns={[
            { title: '个人荣誉', dataIndex: 'title' },
            {
              title: '级别',
              dataIndex: 'level',
              width: 80,
              render: (l: Honour['level']) => <Tag>{HONOUR_LEVEL_LABELS[l]}</Tag>,
            },
            { title: '日期', dataIndex: 'awardedOn', width: 110 },
            { title: '授予机关', dataIndex: 'issuedBy', width: 200 },
          ]}
        />
      )}
      <SanctionFormModal open={adding} personId={personId} onClose={() => setAdding(false)} />
    </Card>
  );
}
