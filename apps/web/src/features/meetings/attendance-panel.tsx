import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, type TableProps } from 'antd';
import { formatCourtDateTime, type Attendee, type AttendanceRequest, type MeetingDetail } from '@qizhi/domain';
import { AttendanceTag, courtClock } from './meeting-labels.tsx';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeetingSave } from './meetings.queries.ts';

type Entry = AttendanceRequest[number];
type Edits = Record<string, Entry>;

export function QuorumAlert({ meeting }: { meeting: MeetingDetail }) {
  const q = meeting.quorum;
  if (!q.applies) return null;
  return (
    <Alert
      type={q.reached ? 'success' : 'warning'}
      showIcon
      title={`法定人数：应到会有表决权${String(q.entitled)}人，已到${String(q.present)}人，须至少${String(q.needed)}人——${q.reached ? '已达到，可以表决' : '尚未达到，不能表决'}`}
      description={q.basis}
    />
  );
}

/** Whether the person counts in 应到 and 实到, and why (the server's entitlementOf). */
function CountedCell({ a }: { a: Attendee }) {
  return (
    <Flex vertical gap={0}>
      {a.counted ? <Tag color="blue">计入</Tag> : <Tag>不计入</Tag>}
      <span className={styles.ruleReason}>{a.entitlementReason}</span>
    </Flex>
  );
}

/** 应到/实到/请假/缺席: the host marks by hand those who did not sign in by code. */
export function AttendancePanel({ meeting }: { meeting: MeetingDetail }) {
  const [edits, setEdits] = useState<Edits>({});
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const s = meeting.summary;
  const changed = Object.values(edits);
  const pending = useMemo(
    () => meeting.attendees.filter((a) => a.state === 'pending' && a.counted),
    [meeting.attendees],
  );
  const opensAt = new Date(meeting.recordOpensAt);
  const notYet = opensAt.getTime() > Date.now();

  const attendance = useMeetingSave({
    save: (entries: Entry[]) => meetingsApi.saveAttendance(meeting.id, entries),
    success: '出席情况已保存',
    onSaved: () => setEdits({}),
  });

  const stateOf = (a: Attendee) => edits[a.personId]?.state ?? (a.state === 'pending' ? undefined : a.state);
  const columns: TableProps<Attendee>['columns'] = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '所在组织', dataIndex: 'orgUnitName', responsive: ['md'] },
    { title: '应到/表决权', key: 'counted', width: 200, render: (_: unknown, a) => <CountedCell a={a} /> },
    {
      title: '出席情况',
      key: 'state',
      width: 130,
      render: (_: unknown, a) =>
        a.exempt && !editable ? (
          <Tag>免于参会</Tag>
        ) : editable ? (
          <Select
            size="small"
            className={styles.stateSelect}
            placeholder="未登记"
            value={stateOf(a)}
            aria-label={`${a.name}出席情况`}
            options={[
              { value: 'present', label: '出席', disabled: notYet },
              { value: 'leave', label: '请假' },
              { value: 'absent', label: '缺席', disabled: notYet },
            ]}
            onChange={(state: Entry['state']) =>
              setEdits((e) => ({
                ...e,
                [a.personId]: { personId: a.personId, state, reason: e[a.personId]?.reason ?? a.reason },
              }))
            }
          />
        ) : (
          <AttendanceTag state={a.state} />
        ),
    },
    {
      title: '原因',
      key: 'reason',
      render: (_: unknown, a) => {
        const state = stateOf(a);
        if (editable && (state === 'leave' || state === 'absent'))
          return (
            <Input
              size="small"
              placeholder={state === 'leave' ? '请假原因（必填）' : '缺席原因'}
              value={edits[a.personId]?.reason ?? a.reason ?? ''}
              onChange={(ev) =>
                setEdits((e) => ({ ...e, [a.personId]: { personId: a.personId, state, reason: ev.target.value } }))
              }
            />
          );
        return (
          <>
            {a.exempt && <Tag>免于参会</Tag>}
            {a.reason}
            {a.state === 'leave' && !a.leaveApproved && <Tag color="orange">待批准（未批准按缺席计）</Tag>}
          </>
        );
      },
    },
    {
      title: '签到',
      key: 'signIn',
      width: 150,
      responsive: ['sm'],
      render: (_: unknown, a) =>
        a.signedInAt ? `${courtClock(a.signedInAt)} ${a.signInMethod === 'code' ? '扫码' : '补登'}` : '',
    },
  ];

  return (
    <Flex vertical gap="small">
      <Space wrap size="large" data-testid="attendance-summary">
        <span>
          应到 <b>{s.expected}</b>
        </span>
        <span>
          实到 <b>{s.attended}</b>
        </span>
        <span>
          请假 <b>{s.leave}</b>
        </span>
        {s.leaveRequested > 0 && (
          <span>
            请假待批准 <b>{s.leaveRequested}</b>
          </span>
        )}
        <span>
          缺席 <b>{s.absent}</b>
        </span>
        <span>
          未登记 <b>{s.pending}</b>
        </span>
        {s.exempt > 0 && (
          <span>
            免于参会 <b>{s.exempt}</b>
          </span>
        )}
        {s.notCounted > 0 && (
          <span>
            不计入（列席、无表决权） <b>{s.notCounted}</b>
          </span>
        )}
      </Space>
      {meeting.countsNote && <Alert type="warning" showIcon title={meeting.countsNote} />}
      {editable && notYet && (
        <Alert
          type="info"
          showIcon
          title={`会议开始（${formatCourtDateTime(opensAt)}）后才能登记出席、缺席，会前只能登记请假`}
        />
      )}
      <QuorumAlert meeting={meeting} />
      {editable && (
        <Space wrap>
          <Button
            type="primary"
            disabled={changed.length === 0}
            loading={attendance.saving}
            onClick={() => attendance.save(changed)}
          >
            保存出席情况{changed.length ? `（${String(changed.length)}人）` : ''}
          </Button>
          {(['present', 'absent'] as const).map((state) => {
            const rest = notYet ? [] : pending.filter((p) => !edits[p.personId]);
            const word = state === 'present' ? '出席' : '缺席';
            return (
              <Popconfirm
                key={state}
                title={`将其余${String(rest.length)}名未登记者记为${word}？`}
                description="记录后需逐人改回。"
                disabled={rest.length === 0}
                onConfirm={() => attendance.save([...changed, ...rest.map((p) => ({ personId: p.personId, state }))])}
              >
                <Button disabled={rest.length === 0} loading={attendance.saving}>
                  其余未登记者记为{word}（{rest.length}人）
                </Button>
              </Popconfirm>
            );
          })}
        </Space>
      )}
      <Table<Attendee>
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={meeting.attendees}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Flex>
  );
}
