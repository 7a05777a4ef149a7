import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, List, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import {
  CALENDAR_DAY_KIND_LABELS,
  courtToday,
  courtYear,
  daysInMonth,
  formatCourtDateTime,
  type StudySessionItem,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { CalendarModal } from './calendar-modal.tsx';
import { HoursTab } from './hours-tab.tsx';
import { IncentivesTab } from './incentives-tab.tsx';
import { ProgrammeDrawer } from './programme-drawer.tsx';
import { SessionModal } from './session-modal.tsx';
import { CourtTypeTags, StudyKindTag, StudyStatusTag } from './study-labels.tsx';
import { useStudyProgrammes, useStudySessions, useWorkCalendar } from './study.queries.ts';
import styles from './study.module.css';

function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

function SessionsTab() {
  const can = useCan();
  const navigate = useNavigate();
  const [month, setMonth] = useState(courtToday().slice(0, 7));
  const [programmeOpen, setProgrammeOpen] = useState(false);
  const [sessionOpen, setSessionOpen] = useState(false);
  const sessions = useStudySessions(monthRange(month));
  return (
    <Card size="small">
      <Flex wrap gap="small" align="center" className={styles.toolbar}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
          aria-label="月份"
        />
        {can('study.manage') && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProgrammeOpen(true)}>
              制定学习计划
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setSessionOpen(true)}>
              安排学习
            </Button>
          </>
        )}
        <Typography.Text type="secondary">本月 {sessions.data?.total ?? 0} 场</Typography.Text>
      </Flex>
      {sessions.isError && <QueryErrorAlert error={sessions.error} />}
      <Table<StudySessionItem>
        rowKey="id"
        size="small"
        loading={sessions.isFetching}
        dataSource={sessions.data?.items ?? []}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'startsAt', render: (v: string) => formatCourtDateTime(v) },
          {
            title: '学习',
            render: (_, s) => (
              <>
                <StudyKindTag kind={s.kind} />
                <Link to={`/study/sessions/${s.id}`}>{s.title}</Link>
              </>
            ),
          },
          { title: '学时', dataIndex: 'hours' },
          { title: '应参加', dataIndex: 'orgUnitName' },
          { title: '六型法院', render: (_, s) => <CourtTypeTags types={s.courtTypes} /> },
          { title: '状态', render: (_, s) => <StudyStatusTag status={s.status} /> },
        ]}
      />
      <ProgrammeDrawer open={programmeOpen} onClose={() => setProgrammeOpen(false)} />
      <SessionModal
        open={sessionOpen}
        onClose={(id) => {
          setSessionOpen(false);
          if (id) void navigate(`/study/sessions/${id}`);
        }}
      />
    </Card>
  );
}

function ProgrammesTab() {
  const programmes = useStudyProgrammes();
  if (programmes.isError) return <QueryErrorAlert error={programmes.error} />;
  return (
    <List
      loading={programmes.isPending}
      dataSource={programmes.data?.items ?? []}
      renderItem={(p) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                <StudyKindTag kind={p.kind} />
                {p.title}
              </>
            }
            description={`${p.from} 至 ${p.to} · ${p.startTime} · ${p.place} · 每次${String(p.hours)}学时 · ${p.orgUnitName} · 共${String(p.sessions)}场`}
          />
        </List.Item>
      )}
    />
  );
}

function CalendarTab() {
  const can = useCan();
  const [year, setYear] = useState(courtYear());
  const [editing, setEditing] = useState(false);
  const calendar = useWorkCalendar(year);
  return (
    <Card
      size="small"
      extra={
        <Flex gap="small">
          <YearSelect value={year} onChange={setYear} />
          {can('study.manage') && calendar.data && <Button onClick={() => setEditing(true)}>维护</Button>}
        </Flex>
      }
      title="法定节假日和调休上班日"
    >
      {calendar.data && (
        <CalendarModal year={year} days={calendar.data.days} open={editing} onClose={() => setEditing(false)} />
      )}
      {calendar.isError && <QueryErrorAlert error={calendar.error} />}
      {calendar.data?.days.length === 0 && (
        <Typography.Paragraph type="warning">本年度的放假安排尚未登记，学习计划不能排到这一年。</Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={calendar.data?.days ?? []}
        renderItem={(d) => (
          <List.Item>
            {d.day} {d.name} <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{CALENDAR_DAY_KIND_LABELS[d.kind]}</Tag>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" className={styles.note}>
        按国务院办公厅每年公布的放假安排维护；未列出的日期按周一至周五上班计算。
      </Typography.Text>
    </Card>
  );
}

/** 学习平台: the year's study planned once, attended from a phone, counted without anyone tallying. */
export default function StudyPage() {
  const can = useCan();
  return (
    <Flex vertical gap="small">
      <h1 className="page-title">学习平台</h1>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'sessions', label: '学习安排', children: <SessionsTab /> },
          ...(can('study.read') ? [{ key: 'hours', label: '学时台账', children: <HoursTab /> }] : []),
          { key: 'programmes', label: '学习计划', children: <ProgrammesTab /> },
          { key: 'incentives', label: '教育激励', children: <IncentivesTab /> },
          { key: 'calendar', label: '工作日历', children: <CalendarTab /> },
        ]}
      />
    </Flex>
  );
}
