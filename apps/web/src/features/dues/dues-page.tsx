import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { ARREARS_LEVEL_LABELS, courtToday, DUES_CHANNEL_LABELS, type DuesSheetItem } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { DuesPreviewCard } from './dues-preview-card.tsx';
import { duesApi } from './dues.api.ts';
import styles from './dues.module.css';
import { useDuesSheet } from './dues.queries.ts';
import { PaymentModal } from './payment-modal.tsx';
import { PersonDuesDrawer } from './person-dues-drawer.tsx';

const LEVEL_COLOR = { none: 'default', warning: 'orange', serious: 'red', line: 'magenta' } as const;

function ArrearsTag({ item }: { item: DuesSheetItem }) {
  if (item.arrearsMonths === 0) return <Tag color="green">已交</Tag>;
  return (
    <Tag color={LEVEL_COLOR[item.arrearsLevel]} title={ARREARS_LEVEL_LABELS[item.arrearsLevel]}>
      欠缴{item.arrearsMonths}个月
    </Tag>
  );
}

/** 党费收缴: a branch's monthly sheet, where the clerk enters payments and the arrears list follows. */
export default function DuesPage() {
  const can = useCan();
  const units = useOrgUnits();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [month, setMonth] = useState(courtToday().slice(0, 7));
  const [paying, setPaying] = useState<DuesSheetItem | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const chosen = orgUnitId ?? units.data?.find((u) => u.kind === 'branch')?.id;
  const sheet = useDuesSheet(chosen, month);
  const download = useSave({ save: (unit: string) => duesApi.downloadRemittance(unit, month) });
  const arrears = (sheet.data?.items ?? [])
    .filter((i) => i.arrearsMonths > 0)
    .sort((a, b) => b.arrearsMonths - a.arrearsMonths);
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>党费收缴</h1>
        <Space wrap>
          <OrgUnitSelect className={styles.wide} value={chosen ?? null} allowClear={false} onChange={setOrgUnitId} />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
            aria-label="月份"
          />
          {can('dues.manage') && (
            <Button
              icon={<DownloadOutlined />}
              disabled={!chosen}
              loading={download.saving}
              onClick={() => chosen && download.save(chosen)}
            >
              导出上缴表
            </Button>
          )}
        </Space>
      </div>
      {sheet.isError && <QueryErrorAlert error={sheet.error} />}
      <Card title={`${sheet.data?.orgUnitName ?? ''}党费收缴表（${month}）`}>
        <Table<DuesSheetItem>
          size="small"
          rowKey="personId"
          loading={sheet.isPending && !!chosen}
          dataSource={sheet.data?.items}
          pagination={{ pageSize: 20 }}
          data-testid="dues-sheet"
          scroll={{ x: 800 }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (name: string, i) => <a onClick={() => setViewing(i.personId)}>{name}</a>,
            },
            {
              title: '应交（元）',
              dataIndex: 'due',
              className: styles.amount,
              render: (d: string, i) => (i.hasBase ? d : '未登记基数'),
            },
            { title: '实交（元）', dataIndex: 'paid', className: styles.amount },
            { title: '缴纳日期', dataIndex: 'paidOn', render: (v: string | null) => v ?? '—' },
            {
              title: '方式',
              dataIndex: 'channel',
              render: (c: DuesSheetItem['channel']) => (c ? DUES_CHANNEL_LABELS[c] : '—'),
            },
            { title: '收缴人', dataIndex: 'collectedBy', render: (v: string | null) => v ?? '—' },
            { title: '状态', key: 'state', render: (_, i) => <ArrearsTag item={i} /> },
            {
              title: '操作',
              key: 'actions',
              render: (_, i) =>
                can('dues.manage') && i.hasBase && i.paid !== i.due ? (
                  <Button size="small" type="link" onClick={() => setPaying(i)}>
                    登记收缴
                  </Button>
                ) : null,
            },
          ]}
        />
        {sheet.data && (
          <Space className={styles.totals} wrap>
            <span>应交合计 {sheet.data.totals.due} 元</span>
            <span>实交合计 {sheet.data.totals.paid} 元</span>
            <span>自愿多交 {sheet.data.totals.extra} 元</span>
            <span>欠缴 {sheet.data.totals.inArrears} 人</span>
          </Space>
        )}
      </Card>
      <Card title="欠缴提醒" data-testid="dues-arrears">
        {arrears.length === 0 ? (
          <span>本月没有欠缴党费的党员</span>
        ) : (
          <Space wrap>
            {arrears.map((i) => (
              <Tag key={i.personId} color={LEVEL_COLOR[i.arrearsLevel]} title={ARREARS_LEVEL_LABELS[i.arrearsLevel]}>
                {i.name}：{i.arrearsMonths}个月
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      <DuesPreviewCard />
      <PaymentModal item={paying} onClose={() => setPaying(null)} />
      <PersonDuesDrawer personId={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}
