import { useState } from 'react';
import { CalendarOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, Space, Table, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import {
  formatCourtDateTime,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
  type MeetingListItem,
  type MeetingStatus,
  type MeetingType,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { MEETING_TYPE_OPTIONS, MeetingStatusTag, MeetingTypeTag } from './meeting-labels.tsx';
import styles from './meetings.module.css';
import { useMeetingPage, type MeetingListParams } from './meetings.queries.ts';
import { PlanMeetingDrawer } from './plan-meeting-drawer.tsx';

/** 三会一课: every meeting of organisational life, newest first. */
export default function MeetingsPage() {
  const navigate = useNavigate();
  const can = useCan();
  const [params, setParams] = useState<MeetingListParams>({ page: 1, pageSize: 20 });
  const [planning, setPlanning] = useState(false);
  const page = useMeetingPage(params);
  const patch = (p: MeetingListParams) => {
    setParams((prev) => ({ ...prev, page: 1, ...p }));
  };

  const columns: TableProps<MeetingListItem>['columns'] = [
    { title: '时间', dataIndex: 'startsAt', width: 150, render: (v: string) => formatCourtDateTime(v) },
    { title: '类型', dataIndex: 'type', width: 110, render: (t: MeetingType) => <MeetingTypeTag type={t} /> },
    {
      title: '会议主题',
      dataIndex: 'topic',
      render: (topic: string, m) => (
        <Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()}>
          {topic}
        </Link>
      ),
    },
    { title: '党组织', dataIndex: 'orgUnitName', responsive: ['md'] },
    { title: '地点', dataIndex: 'place', responsive: ['lg'] },
    { title: '主持人', dataIndex: 'hostName', width: 90, responsive: ['lg'] },
    {
      title: '应到/实到',
      key: 'count',
      width: 90,
      render: (_: unknown, m) => `${String(m.expected)}/${String(m.attended)}`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      // Kept in view: a long topic widens the table, and the status is what the list is read for.
      fixed: 'right',
      render: (s: MeetingStatus) => <MeetingStatusTag status={s} />,
    },
  ];

  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <h1>三会一课</h1>
        <Space wrap>
          <Link to="/meetings/calendar">
            <Button icon={<CalendarOutlined />}>会议日历</Button>
          </Link>
          <Link to="/meetings/ledger">
            <Button icon={<PrinterOutlined />}>会议台账</Button>
          </Link>
          {can('meetings.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
              计划会议
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <Space wrap className={styles.filters}>
          <OrgUnitSelect
            className={styles.wide}
            placeholder="全部党组织"
            value={params.orgUnitId ?? null}
            onChange={(v) => patch({ orgUnitId: v ?? undefined })}
          />
          <Select<MeetingType>
            allowClear
            placeholder="全部类型"
            className={styles.typeFilter}
            options={MEETING_TYPE_OPTIONS}
            value={params.type}
            onChange={(v) => patch({ type: v })}
          />
          <Select<MeetingStatus>
            allowClear
            placeholder="全部状态"
            className={styles.statusFilter}
            options={MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }))}
            value={params.status}
            onChange={(v) => patch({ status: v })}
          />
          <DatePicker.RangePicker
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              patch({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Space>
        {page.isError && <QueryErrorAlert error={page.error} />}
        <Table<MeetingListItem>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page.data?.items}
          loading={page.isFetching}
          scroll={{ x: 1000 }}
          onRow={(m) => ({ onClick: () => void navigate(`/meetings/${m.id}`) })}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: page.data?.total,
            showTotal: (t) => `共 ${String(t)} 次会议`,
            onChange: (p, size) => setParams((prev) => ({ ...prev, page: p, pageSize: size })),
          }}
        />
      </Card>
      <PlanMeetingDrawer
        open={planning}
        onClose={() => setPlanning(false)}
        onSaved={(m) => {
          setPlanning(false);
          void navigate(`/meetings/${m.id}`);
        }}
      />
    </Flex>
  );
}
