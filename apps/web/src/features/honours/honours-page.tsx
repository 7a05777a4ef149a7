import { useState } from 'react';
import { FileOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { HONOUR_LEVEL_LABELS, HONOUR_LEVELS, type Honour, type HonourKind, type HonourLevel } from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { filesApi } from '../files/files.api.ts';
import { HonourFormModal } from './honour-form-modal.tsx';
import { useHonours, useSanctions } from './honours.queries.ts';
import { SanctionFormModal } from './sanction-form-modal.tsx';
import { SanctionsTable } from './sanctions-table.tsx';

const LEVEL_COLORS: Record<HonourLevel, string> = {
  national: 'red',
  province: 'volcano',
  city: 'orange',
  county: 'gold',
};

function HonoursTab({ kind }: { kind: HonourKind }) {
  const honours = useHonours(kind);
  if (honours.isPending) return <Skeleton active />;
  if (honours.isError) return <QueryErrorAlert error={honours.error} />;
  const h = honours.data;
  return (
    <Flex vertical gap="middle">
      <Space size="large" wrap>
        <Statistic title="合计" value={h.total} suffix="项" />
        {[...HONOUR_LEVELS].reverse().map((l) => (
          <Statistic key={l} title={HONOUR_LEVEL_LABELS[l]} value={h.byLevel[l]} suffix="项" />
        ))}
      </Space>
      <Table<Honour>
        size="small"
        rowKey="id"
        dataSource={h.items}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        columns={[
          { title: '荣誉名称', dataIndex: 'title' },
          { title: kind === 'collective' ? '获奖集体' : '获奖人', dataIndex: 'recipientName', width: 170 },
          {
            title: '级别',
            dataIndex: 'level',
            width: 80,
            filters: HONOUR_LEVELS.map((l) => ({ text: HONOUR_LEVEL_LABELS[l], value: l })),
            onFilter: (value, record) => record.level === value,
            render: (l: HonourLevel) => <Tag color={LEVEL_COLORS[l]}>{HONOUR_LEVEL_LABELS[l]}</Tag>,
          },
          { title: '授予日期', dataIndex: 'awardedOn', width: 110 },
          { title: '授予机关', dataIndex: 'issuedBy', width: 200 },
          {
            title: '证书',
            key: 'certificate',
            width: 70,
            render: (_: unknown, r) =>
              r.certificate ? (
                <a href={filesApi.url(r.certificate.id)} target="_blank" rel="noreferrer" aria-label="证书扫描件">
                  <FileOutlined />
                </a>
              ) : null,
          },
        ]}
      />
    </Flex>
  );
}

function SanctionsTab() {
  const sanctions = useSanctions();
  if (sanctions.isPending) return <Skeleton active />;
  if (sanctions.isError) return <QueryErrorAlert error={sanctions.error} />;
  return <SanctionsTable items={sanctions.data.items} showPerson />;
}

/** 荣誉与奖惩: the court's honours registry and the record of commendations and criticisms. */
export default function HonoursPage() {
  const can = useCan();
  const [tab, setTab] = useState<'collective' | 'individual' | 'sanctions'>('collective');
  const [adding, setAdding] = useState<HonourKind | null>(null);
  const [addingSanction, setAddingSanction] = useState(false);
  return (
    <Card>
      <div className="page-toolbar">
        <h1 className="page-title">荣誉与奖惩</h1>
        <Space className="no-print">
          {can('honours.manage') &&
            (tab === 'sanctions' ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingSanction(true)}>
                登记奖惩
              </Button>
            ) : (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(tab)}>
                登记{tab === 'collective' ? '集体' : '个人'}荣誉
              </Button>
            ))}
          <PrintButton />
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          { key: 'collective', label: '集体荣誉', children: <HonoursTab kind="collective" /> },
          { key: 'individual', label: '个人荣誉', children: <HonoursTab kind="individual" /> },
          ...(can('honours.manage') ? [{ key: 'sanctions', label: '奖惩记录', children: <SanctionsTab /> }] : []),
        ]}
      />
      <HonourFormModal kind={adding} onClose={() => setAdding(null)} />
      <SanctionFormModal open={addingSanction} onClose={() => setAddingSanction(false)} />
    </Card>
  );
}
