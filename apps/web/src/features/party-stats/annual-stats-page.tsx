import { useState } from 'react';
import { Button, Card, InputNumber, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { courtToday, ROLES, type AnnualStatsReport } from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSession } from '../../platform/session.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { AnnualPeopleDrawer, type Drill } from './annual-people-drawer.tsx';
import { partyStatsApi } from './party-stats.api.ts';
import { useAnnualStats } from './party-stats.queries.ts';
import styles from './party-stats.module.css';

type Table = AnnualStatsReport['tables'][number];

/** Where the caller's 年报 reaches first: the court's root for a court-wide grant, else the first granted organisation. */
function useDefaultOrg(): string | undefined {
  const session = useSession();
  const units = useOrgUnits();
  const grants = session.roles.filter((g) => ROLES[g.role].permissions.includes('stats.annual'));
  if (grants.some((g) => g.orgUnitId === null)) return units.data?.find((u) => u.parentId === null)?.id;
  return grants[0]?.orgUnitId ?? undefined;
}

/** 党内统计年报: the tables a branch reports upward, each figure opening the people it counts. */
export default function AnnualStatsPage() {
  const thisYear = Number(courtToday().slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const [picked, setPicked] = useState<string | null>(null);
  const fallback = useDefaultOrg();
  const orgUnitId = picked ?? fallback ?? null;
  const query = orgUnitId ? { orgUnitId, year } : null;
  const report = useAnnualStats(query);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [exporting, setExporting] = useState(false);

  return (
    <Card title="党内统计年报">
      <div className={`${styles.toolbar} no-print`}>
        <OrgUnitSelect className={styles.org} value={orgUnitId} onChange={setPicked} allowClear={false} />
        <InputNumber
          aria-label="年度"
          min={1949}
          max={thisYear}
          value={year}
          suffix="年"
          onChange={(v) => {
            if (v) setYear(v);
          }}
        />
        <PrintButton />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          disabled={!query}
          onClick={() => {
            if (!query) return;
            setExporting(true);
            void partyStatsApi.export(query).finally(() => {
              setExporting(false);
            });
          }}
        >
          导出 Excel
        </Button>
      </div>
      {report.error && <QueryErrorAlert error={report.error} />}
      {report.data && (
        <>
          <Typography.Title level={4} className={styles.title}>
            {`${report.data.courtName} ${report.data.orgUnitName} ${String(report.data.year)}年党内统计年报`}
          </Typography.Title>
          <div className={styles.note}>
            {`统计时点：${report.data.asOf}；增减为当年1月1日至12月31日；单位：人。`}
            <span className="no-print">点击数字查看对应人员。</span>
          </div>
          {report.data.tables.map((table) => (
            <AnnualTable
              key={table.key}
              report={report.data}
              table={table}
              onOpen={(row, column) => {
                setDrill({ row, figure: `${table.key}.${column}` });
              }}
            />
          ))}
        </>
      )}
      {query && (
        <AnnualPeopleDrawer
          query={query}
          drill={drill}
          onClose={() => {
            setDrill(null);
          }}
        />
      )}
    </Card>
  );
}

function AnnualTable({
  report,
  table,
  onOpen,
}: {
  report: AnnualStatsReport;
  table: Table;
  onOpen: (row: string, column: string) => void;
}) {
  const data = report.rows.map((row, r) => ({ ...row, counts: table.counts[r] ?? [] }));
  return (
    <Table
      className={styles.table}
      title={() => <strong>{table.title}</strong>}
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={data}
      columns={[
        {
          title: '党组织',
          dataIndex: 'name',
          fixed: 'left',
          render: (name: string, row) => (row.kind === 'total' ? <strong>{name}</strong> : name),
        },
        ...table.columns.map((column, c) => ({
          title: column.label,
          key: column.key,
          align: 'center' as const,
          render: (_: unknown, row: (typeof data)[number]) => {
            const count = row.counts[c] ?? 0;
            return count === 0 ? (
              '0'
            ) : (
              <Button
                type="link"
                size="small"
                className={styles.figure}
                aria-label={`${row.name} ${column.label} ${String(count)}人`}
                onClick={() => {
                  onOpen(row.key, column.key);
                }}
              >
                {count}
              </Button>
            );
          },
        })),
      ]}
    />
  );
}
