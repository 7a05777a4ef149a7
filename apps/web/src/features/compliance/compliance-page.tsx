import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { Card, Empty, Flex, Space, Table, Typography, type TableProps } from 'antd';
import { useSearchParams } from 'react-router';
import {
  COMPLIANCE_ITEM_LABELS,
  COMPLIANCE_ITEM_SHORT_LABELS,
  complianceState,
  courtToday,
  courtYear,
  itemsShownInMonth,
  periodLabel,
  worstState,
  type ComplianceItem,
  type OrgUnit,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { YearInput } from '../meetings/year-input.tsx';
import { ComplianceCellDrawer } from './compliance-cell-drawer.tsx';
import { STATE_STYLE, stateMark } from './compliance-states.ts';
import styles from './compliance.module.css';
import { useCompliance } from './compliance.queries.ts';

interface Row {
  org: OrgUnit;
  items: ComplianceItem[];
}

function MonthCell({ items, today, onOpen }: { items: ComplianceItem[]; today: string; onOpen: () => void }) {
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
          title={`${COMPLIANCE_ITEM_LABELS[i.type]}（${periodLabel(i.period)}）：${STATE_STYLE[states[n]!].label}，应${String(i.required)}，已${String(i.held)}${i.note ? `。${i.note}` : ''}`}
        >
          {COMPLIANCE_ITEM_SHORT_LABELS[i.type]}
          {stateMark(states[n]!, i.held, i.required)}
        </span>
      ))}
    </button>
  );
}

/** Brings the current month into view when the board is wider than the screen (the first column stays). */
function useScrollToMonth(month: number | null, ready: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ready || month === null || !ref.current) return;
    const scroller = ref.current.querySelector<HTMLElement>('.ant-table-content, .ant-table-body');
    const header = ref.current.querySelector<HTMLElement>(`th[data-month="${String(month)}"]`);
    if (!scroller || !header) return;
    const right = header.offsetLeft + header.offsetWidth;
    if (right > scroller.clientWidth) scroller.scrollLeft = right - scroller.clientWidth + 8;
  }, [month, ready]);
  return ref;
}

/** 组织生活落实情况: organisations by month; green done, amber still to do this period, red missed. */
export default function CompliancePage() {
  const today = courtToday();
  const [search] = useSearchParams();
  const [year, setYear] = useState(courtYear);
  const [open, setOpen] = useState<{ org: OrgUnit; month: number } | null>(null);
  const compliance = useCompliance(year, search.get('orgUnitId') ?? undefined);
  const units = useOrgUnits();
  const rows: Row[] = useMemo(() => {
    const items = compliance.data?.items ?? [];
    return (units.data ?? [])
      .map((org) => ({ org, items: items.filter((i) => i.orgUnitId === org.id) }))
      .filter((r) => r.items.length > 0);
  }, [compliance.data, units.data]);
  const currentMonth = year === Number(today.slice(0, 4)) ? Number(today.slice(5, 7)) : null;
  const tableRef = useScrollToMonth(currentMonth, rows.length > 0);

  const columns: TableProps<Row>['columns'] = [
    { title: '党组织', key: 'org', fixed: 'left', width: 132, render: (_: unknown, r) => r.org.name },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${String(i + 1)}月`,
      key: `m${String(i + 1)}`,
      width: 86,
      onHeaderCell: () =>
        ({
          'data-month': i + 1,
          className: i + 1 === currentMonth ? styles.currentMonth : undefined,
        }) as HTMLAttributes<HTMLElement>,
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
          {(['met', 'due', 'missed', 'upcoming'] as const).map((s) => (
            <span key={s} className={styles.legendItem} data-state={s}>
              {STATE_STYLE[s].label}
            </span>
          ))}
          <Typography.Text type="secondary">
            待完成：本期尚未开展、仍在期限内；未落实：期限已过仍未开展。季度、年度项目显示在该期最后一个月，年度会议按所属年度计；点击单元格查看本组织该期的会议。
          </Typography.Text>
        </Space>
        {compliance.isError && <QueryErrorAlert error={compliance.error} />}
        {rows.length === 0 && !compliance.isPending ? (
          <Empty />
        ) : (
          <div ref={tableRef}>
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
          </div>
        )}
      </Card>
      {open && <ComplianceCellDrawer org={open.org} month={open.month} year={year} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
