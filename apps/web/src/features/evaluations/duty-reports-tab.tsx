import { useState } from 'react';
import { Card, Collapse, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { courtYear, meetingNamed } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { YearInput } from '../meetings/year-input.tsx';
import { useMeetingPage } from '../meetings/meetings.queries.ts';
import { DutyReportView } from './duty-report-view.tsx';
import { evaluationsApi } from './evaluations.api.ts';
import { useDutyReports, useEvaluationSave } from './evaluations.queries.ts';
import styles from './evaluations.module.css';

/** The meeting a report was read at: chosen from the court's meetings of the year. */
function MeetingSelect({ reportId, year, value }: { reportId: string; year: number; value: string | null }) {
  const meetings = useMeetingPage({ from: `${String(year)}-01-01`, to: `${String(year + 1)}-03-31`, pageSize: 200 });
  const link = useEvaluationSave({
    save: (meetingId: string | null) => evaluationsApi.linkMeeting(reportId, meetingId),
    success: '已关联会议',
  });
  return (
    <Select
      allowClear
      className="meeting-select"
      placeholder="宣读报告的会议"
      value={value}
      loading={meetings.isPending || link.saving}
      onChange={(v: string | undefined) => link.save(v ?? null)}
      options={(meetings.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.startsAt.slice(0, 10)} ${meetingNamed(m.type, m.topic)}`,
      }))}
    />
  );
}

/** 述职述廉 of a year: who is named to report, who has, and each report beside their commitment and goals. */
export function DutyReportsTab() {
  const can = useCan();
  const [year, setYear] = useState(courtYear() - 1);
  const reports = useDutyReports(year);
  return (
    <Flex vertical gap="middle">
      <Flex gap="small" align="center">
        年度 <YearInput value={year} onChange={setYear} />
      </Flex>
      {reports.isError && <QueryErrorAlert error={reports.error} />}
      {reports.isPending && <Skeleton active />}
      {reports.data && (
        <>
          <Card size="small" title="应述职述廉人员（党组成员、支部委员会成员）">
            <Flex gap="small" wrap>
              {reports.data.expected.map((e) => (
                <Tag key={e.personId} color={e.submitted ? 'green' : 'default'}>
                  {e.name}（{e.post}）{e.submitted ? '已提交' : '未提交'}
                </Tag>
              ))}
            </Flex>
          </Card>
          {reports.data.items.length === 0 ? (
            <Empty description={`${String(year)}年度还没有述职述廉报告`} />
          ) : (
            <Collapse
              items={reports.data.items.map((r) => ({
                key: r.id,
                label: (
                  <span>
                    {r.personName} {r.year}年度述职述廉报告
                    {r.meetingTitle && <span className={styles.meta}>（{r.meetingTitle}上宣读）</span>}
                  </span>
                ),
                children: (
                  <Flex vertical gap="small">
                    {can('evaluations.manage') && (
                      <Flex gap="small" align="center">
                        <Typography.Text>宣读会议：</Typography.Text>
                        <MeetingSelect reportId={r.id} year={r.year} value={r.meetingId} />
                      </Flex>
                    )}
                    <DutyReportView report={r} />
                  </Flex>
                ),
              }))}
            />
          )}
        </>
      )}
    </Flex>
  );
}
