import { useMemo, useState } from 'react';
import { Card, Drawer, Empty, Flex, List, Skeleton, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  complianceState,
  itemsShownInMonth,
  MEETING_TYPE_LABELS,
  monthsOfPeriod,
  monthPeriod,
  periodRange,
  courtToday,
  courtYear,
  worstState,
  type ComplianceState,
  type MeetingType,
  type OrgUnit,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { MeetingStatusTag, MeetingTypeTag } from '../meetings/meeting-labels.tsx';
import { useMeetingPage } from '../meetings/meetings.queries.ts';
import { useOrgUnits } from '../org/org.queries.ts';
import { YearInput } from '../meetings/year-input.tsx';
import styles from './compliance.module.css';
import { useCompliance } from './compliance.queries.ts';

type Item = { orgUnitId: string; type: MeetingType; period: string; required: number; held: number };

/** Each state's tag colour and label; the cells' colours are in compliance.module.css by `data-state`. */
const STATE_STYLE: Record<ComplianceState, { color: string; label: string }> = {
  met: { color: '#389e0d', label: '已落实' },
  due: { color: '#d48806', label: '本期待开' },
  missed: { color: '#cf1322', label: '未落实' },
  upcoming: { color: '#8c8c8c', label: '未到期' },
  informational: { color: '#5b8c9f', label: '记录' },
};
const SHORT: Record<MeetingType, string> = {
  branch_general: '党员大会',
  branch_committee: '支委会',
  cell: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  democratic_life: '民主生活会',
  talk: '谈心谈话',
  other: '其他',
};

interface Row {
  org: OrgUnit;
  items: Item[];
}

function MonthCell({ items, today, onOpen }: { items: Item[]; today: string; onOpen: () => void }) {
  if (items.length === 0) return null;
  const states = items.map((i) => complianceState(i, today));
  const worst = worstState(states) ?? 'upcoming';
  return (
    <button type="button" onClick={onOpen} data-state={worst} className={styles.cell}>
      {items.map((i, n) => (
        <span
          key={`${i.type}-${i.period}`}
          data-testid={`compliance-${i.orgUnitId}-${i.period}-${i.type}`}
          data-state={states[n]}
          title={`${MEETING_TYPE_LABELS[i.type]} ${i.period}：应开${String(i.required)}次，已开${String(i.held)}次`}
        >
          {SHORT[i.type]}
          {i.held > 0 ? `✓${i.held > 1 ? String(i.held) : ''}` : '✗'}
        </span>
      ))}
    </button>
  );
}

function DrillDown({
  org,
  month,
  year,
  items,
  onClose,
}: {
  org: OrgUnit;
  month: number;
  year: number;
  items: Item[];
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const period = monthPeriod(year, month);
  const covering = items.filter((i) => monthsOfPeriod(i.period).includes(period));
  const span = covering.reduce((r, i) => {
    const p = periodRange(i.period);
    return { from: p.from < r.from ? p.from : r.from, to: p.to > r.to ? p.to : r.to };
  }, periodRange(period));
  const meetings = useMeetingPage({
    orgUnitId: org.id,
    from: courtToday(span.from),
    to: courtToday(new Date(span.to.getTime() - 1)),
    pageSize: 100,
  });
  const today = courtToday();
  return (
    <Drawer
      open
      title={`${org.name} · ${String(year)}年${String(month)}月`}
      size={isPhone ? '100%' : 560}
      onClose={onClose}
    >
      <Typography.Title level={5}>应开与已开</Typography.Title>
      <List
        size="small"
        dataSource={covering}
        renderItem={(i) => {
          const s = complianceState(i, today);
          return (
            <List.Item>
              {MEETING_TYPE_LABELS[i.type]}（{i.period}）
              <Space>
                应开{i.required} · 已开{i.held}
                <Tag color={STATE_STYLE[s].color}>{STATE_STYLE[s].label}</Tag>
              </Space>
            </List.Item>
          );
        }}
      />
      <Typography.Title level={5} className={styles.section}>
        期间内的会议
      </Typography.Title>
      {meetings.isPending ? (
        <Skeleton active />
      ) : (
        <List
          size="small"
          dataSource={meetings.data?.items ?? []}
          locale={{ emptyText: '没有会议' }}
          renderItem={(m) => (
            <List.Item>
              <Space wrap>
                <MeetingTypeTag type={m.type} />
                <Link to={`/meetings/${m.id}`}>{m.topic}</Link>
              </Space>
              <Space>
                {courtToday(m.startsAt)}
                <MeetingStatusTag status={m.status} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

/** 组织生活落实情况: organisations by month, green when held, amber when due, red when missed. */
export default function CompliancePage() {
  const today = courtToday();
  const [search] = useSearchParams();
  const [year, setYear] = useState(courtYear);
  const [open, setOpen] = useState<{ org: OrgUnit; month: number } | null>(null);
  const compliance = useCompliance(year, search.get('orgUnitId') ?? undefined);
  const units = useOrgUnits();
  const rows: Row[] = useMemo(() => {
    const items = (compliance.data?.items ?? []) as Item[];
    return (units.data ?? [])
      .map((org) => ({ org, items: items.filter((i) => i.orgUnitId === org.id) }))
      .filter((r) => r.items.length > 0);
  }, [compliance.data, units.data]);

  const columns: TableProps<Row>['columns'] = [
    { title: '党组织', key: 'org', fixed: 'left', width: 150, render: (_: unknown, r) => r.org.name },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${String(i + 1)}月`,
      key: `m${String(i + 1)}`,
      width: 96,
      render: (_: unknown, r: Row) => (
        <MonthCell
          items={itemsShownInMonth(r.items, year, i + 1)}
          today={today}
          onOpen={() => setOpen({ org: r.org, month: i + 1 })}
        />
      ),
    })),
  ];

  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>组织生活落实情况</h1>
        <Space>
          <YearInput value={year} onChange={setYear} />
        </Space>
      </div>
      <Card>
        <Space wrap className={styles.legend}>
          {(['met', 'due', 'missed', 'upcoming', 'informational'] as const).map((s) => (
            <Tag key={s} color={STATE_STYLE[s].color}>
              {STATE_STYLE[s].label}
            </Tag>
          ))}
          <Typography.Text type="secondary">季度、年度会议显示在该期最后一个月；点击单元格查看会议。</Typography.Text>
        </Space>
        {compliance.isError && <QueryErrorAlert error={compliance.error} />}
        {rows.length === 0 && !compliance.isPending ? (
          <Empty />
        ) : (
          <Table<Row>
            rowKey={(r) => r.org.id}
            size="small"
            bordered
            columns={columns}
            dataSource={rows}
            loading={compliance.isPending || units.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
      {open && (
        <DrillDown
          org={open.org}
          month={open.month}
          year={year}
          items={rows.find((r) => r.org.id === open.org.id)?.items ?? []}
          onClose={() => setOpen(null)}
        />
      )}
    </Flex>
  );
}
