import { useState } from 'react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Space } from 'antd';
import { courtYear, formatCourtDateTime, MEETING_TYPE_LABELS, type LedgerEntry } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSave } from '../../platform/use-save.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { YearInput } from './year-input.tsx';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useLedger } from './meetings.queries.ts';

/** Column widths of the printed sheet, in per cent. */
const COLUMN_WIDTHS = [4, 8, 10, 7, 6, 14, 12, 28, 11];

const ABSENCE = { leave: '请假', absent: '缺席', pending: '未登记' } as const;

function absentees(e: LedgerEntry): string {
  return (
    e.absentees.map((a) => `${a.name}（${ABSENCE[a.state]}${a.reason ? `：${a.reason}` : ''}）`).join('、') || '无'
  );
}

/** 会议记录台账: the year's record book of an organisation, printable as is and exported as .xlsx. */
export default function LedgerPage() {
  const units = useOrgUnits();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [year, setYear] = useState(courtYear);
  const chosen = orgUnitId ?? units.data?.find((u) => u.kind === 'branch')?.id;
  const ledger = useLedger(chosen, year);
  const download = useSave({ save: (unit: string) => meetingsApi.downloadLedger(unit, year) });
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar no-print">
        <h1>会议记录台账</h1>
        <Space wrap>
          <OrgUnitSelect className={styles.wide} value={chosen ?? null} allowClear={false} onChange={setOrgUnitId} />
          <YearInput value={year} onChange={setYear} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!ledger.data}>
            打印
          </Button>
          <Button
            icon={<DownloadOutlined />}
            disabled={!chosen}
            loading={download.saving}
            onClick={() => chosen && download.save(chosen)}
          >
            导出 Excel
          </Button>
        </Space>
      </div>
      <Card>
        {ledger.isPending && chosen && <Skeleton active />}
        {ledger.isError && <QueryErrorAlert error={ledger.error} />}
        {ledger.data && (
          <div>
            <div className={styles.ledgerTitle}>
              {ledger.data.orgUnitName}
              {ledger.data.year}年“三会一课”及组织生活会议记录台账
            </div>
            {ledger.data.entries.length === 0 ? (
              <Empty description="本年度没有会议" />
            ) : (
              <table className={styles.ledgerSheet} data-testid="ledger-table">
                <colgroup>
                  {COLUMN_WIDTHS.map((w, i) => (
                    <col key={i} width={`${String(w)}%`} />
                  ))}
                </colgroup>
                <thead>
                  <tr>
                    <th>序号</th>
                    <th>会议类型</th>
                    <th>时间 / 地点</th>
                    <th>主持人 / 记录人</th>
                    <th>应到 / 实到</th>
                    <th>缺席人员及原因</th>
                    <th>会议主题</th>
                    <th>会议记录</th>
                    <th>决议</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.data.entries.map((e, i) => (
                    <tr key={e.id}>
                      <td>{i + 1}</td>
                      <td>
                        {MEETING_TYPE_LABELS[e.type]}
                        <br />
                        <small>{e.orgUnitName}</small>
                      </td>
                      <td>
                        {formatCourtDateTime(e.startsAt)}
                        <br />
                        {e.place}
                      </td>
                      <td>
                        {e.hostName ?? '—'}
                        <br />
                        {e.recorderName ?? '—'}
                      </td>
                      <td>
                        {e.expected} / {e.attended}
                      </td>
                      <td>{absentees(e)}</td>
                      <td>{e.topic}</td>
                      <td className={styles.ledgerMinutes}>{e.minutes || '（未填写）'}</td>
                      <td>
                        {e.resolutions.map((r, n) => (
                          <div key={n}>
                            {n + 1}. {r}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </Card>
    </Flex>
  );
}
