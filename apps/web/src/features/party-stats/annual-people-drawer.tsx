import { Drawer, Table, Tag } from 'antd';
import { ANNUAL_AGE_BAND_LABELS, GENDER_LABELS, MEMBERSHIP_STATUS_LABELS, type AnnualStatsQuery } from '@qizhi/domain';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { useAnnualPeople } from './party-stats.queries.ts';

export interface Drill {
  row: string;
  figure: string;
}

/** The people a figure of the 年报 counts: as the roster shows them, numbers masked. */
export function AnnualPeopleDrawer({
  query,
  drill,
  onClose,
}: {
  query: AnnualStatsQuery;
  drill: Drill | null;
  onClose: () => void;
}) {
  const phone = useIsPhone();
  const people = useAnnualPeople(drill ? { ...query, ...drill } : null);
  const data = people.data;
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={phone ? 'default' : 'large'}
      title={
        data ? `${data.rowName} · ${data.tableTitle} · ${data.figureLabel}（${String(data.items.length)}人）` : '人员'
      }
    >
      {people.error && <QueryErrorAlert error={people.error} />}
      <Table
        rowKey="id"
        size="small"
        loading={people.isPending && drill !== null}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, p) => <Link to={`/members/${p.id}`}>{name}</Link>,
          },
          { title: '性别', dataIndex: 'gender', render: (g: keyof typeof GENDER_LABELS) => GENDER_LABELS[g] },
          { title: '党组织', dataIndex: 'orgUnitName', render: (v: string | null) => v ?? '—' },
          {
            title: '年末类别',
            dataIndex: 'standing',
            render: (s: 'full' | 'probationary' | null) => (s ? <Tag>{MEMBERSHIP_STATUS_LABELS[s]}</Tag> : '—'),
          },
          {
            title: '年龄段 / 出生日期',
            key: 'age',
            render: (_: unknown, p) => p.birthDate ?? (p.ageBand ? ANNUAL_AGE_BAND_LABELS[p.ageBand] : '—'),
          },
          { title: '公民身份号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          { title: '入党日期', dataIndex: 'joinedOn', render: (v: string | null) => v ?? '—' },
          { title: '离开日期', dataIndex: 'leftOn', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Drawer>
  );
}
