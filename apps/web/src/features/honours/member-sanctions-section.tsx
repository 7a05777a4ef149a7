import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Table, Tag } from 'antd';
import { HONOUR_LEVEL_LABELS, type Honour } from '@qizhi/domain';
import { useQuery } from '@tanstack/react-query';
import type { HonoursResponse } from '@qizhi/domain';
import { api } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSanctions } from './honours-queries.ts';
import { SanctionFormModal } from './sanction-form-modal.tsx';
import { SanctionsTable } from './sanctions-table.tsx';

/** 奖惩与荣誉 on a member's page: their commendations, criticisms and individual honours. */
export function MemberSanctionsSection({ personId }: { personId: string }) {
  const can = useCan();
  const sanctions = useSanctions(personId);
  const honours = useQuery({
    queryKey: ['honours', 'person', personId],
    queryFn: () => api.get<HonoursResponse>('/api/honours', { kind: 'individual', personId }),
  });
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title="奖惩与荣誉"
      style={{ marginTop: 16 }}
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
          style={{ marginTop: 12 }}
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
