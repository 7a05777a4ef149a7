import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Table, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { ATTENDANCE_STATE_LABELS, courtYear, formatCourtDateTime, type PersonStudyLedger } from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { HoursProgress } from './hours-tab.tsx';
import { StudyKindTag } from './study-labels.tsx';
import { studyApi } from './study.api.ts';
import { usePersonStudyHours } from './study.queries.ts';

type Row = PersonStudyLedger['sessions'][number];

/** 个人学习台账: the year's sessions recorded for one person, printable and as .xlsx. */
export default function PersonLedgerPage() {
  const { personId = '' } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get('year')) || courtYear();
  const ledger = usePersonStudyHours(personId, year);
  if (ledger.isPending) return <Skeleton active />;
  if (ledger.isError) return <QueryErrorAlert error={ledger.error} />;
  const l = ledger.data;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3}>
        {l.name} {l.year}年学习台账
      </Typography.Title>
      <Card
        size="small"
        extra={
          <Flex gap="small">
            <Button icon={<DownloadOutlined />} onClick={() => void studyApi.downloadPerson(personId, year, l.name)}>
              导出 Excel
            </Button>
            <PrintButton />
          </Flex>
        }
      >
        <HoursProgress earned={l.earned} required={l.required} />
        <Typography.Text type="secondary">
          应修 {l.required} 学时，已修 {l.earned} 学时{l.behind ? `，落后于进度（应修 ${String(l.pace)}）` : ''}
        </Typography.Text>
      </Card>
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={l.sessions}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'startsAt', render: (v: string) => formatCourtDateTime(v) },
          { title: '类型', dataIndex: 'kind', render: (k: Row['kind']) => <StudyKindTag kind={k} /> },
          { title: '学习内容', dataIndex: 'title' },
          { title: '出席', dataIndex: 'state', render: (s: Row['state']) => ATTENDANCE_STATE_LABELS[s] },
          { title: '请假原因', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
          { title: '学时', render: (_, r) => (r.state === 'present' ? r.hours : 0) },
        ]}
      />
    </Flex>
  );
}
