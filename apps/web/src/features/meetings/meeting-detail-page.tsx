import { useEffect, useState } from 'react';
import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Input, Modal, Popconfirm, Skeleton, Space, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatCourtDateTime, type MeetingDetail } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { AnnualInfo } from './annual-info.tsx';
import { AttendancePanel } from './attendance-panel.tsx';
import { FilesPanel, TasksPanel } from './follow-up-panel.tsx';
import { AttendanceTag, courtClock, MeetingStatusTag, MeetingTypeTag } from './meeting-labels.tsx';
import { meetingsApi, type MeetingAction } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeeting, useMeetingSave } from './meetings.queries.ts';
import { MinutesPanel } from './minutes-panel.tsx';
import { ReviseButton, RevisionsPanel } from './revisions-panel.tsx';
import { SignInCodeModal } from './sign-in-code-modal.tsx';
import { VotesPanel } from './votes-panel.tsx';

function useHostAction(meeting: MeetingDetail, action: MeetingAction, success: string) {
  return useMeetingSave({ save: () => meetingsApi.act(meeting.id, action), success });
}

function HostActions({ meeting }: { meeting: MeetingDetail }) {
  const [showCode, setShowCode] = useState(false);
  const notify = useHostAction(meeting, 'notify', '会议通知已发出，参会人员首页可见');
  const close = useHostAction(meeting, 'close', '会议已归档锁定');
  const cancel = useHostAction(meeting, 'cancel', '会议已取消');
  const open = meeting.status !== 'closed' && meeting.status !== 'cancelled';
  return (
    <Space wrap className="no-print">
      {open && (
        <Button icon={<QrcodeOutlined />} onClick={() => setShowCode(true)}>
          签到码
        </Button>
      )}
      {open && (
        <Button onClick={() => notify.save()} loading={notify.saving}>
          {meeting.notifiedAt ? '再次通知' : '发出通知'}
        </Button>
      )}
      {open && (
        <Popconfirm title="归档后会议记录锁定，更正须说明原因并留痕。确定归档？" onConfirm={() => close.save()}>
          <Button type="primary" loading={close.saving}>
            归档锁定
          </Button>
        </Popconfirm>
      )}
      {open && (
        <Popconfirm title="确定取消本次会议？" onConfirm={() => cancel.save()}>
          <Button danger loading={cancel.saving}>
            取消会议
          </Button>
        </Popconfirm>
      )}
      {meeting.status === 'closed' && <ReviseButton meeting={meeting} />}
      <SignInCodeModal meetingId={meeting.id} open={showCode} onClose={() => setShowCode(false)} />
    </Space>
  );
}

function MemberActions({ meeting }: { meeting: MeetingDetail }) {
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const leave = useMeetingSave({
    save: (r: string) => meetingsApi.askLeave(meeting.id, r),
    success: '已提交，待主持人批准',
    onSaved: () => setAsking(false),
  });
  const mine = meeting.myAttendance;
  if (!mine || meeting.status === 'closed' || meeting.status === 'cancelled') return null;
  return (
    <Space wrap className="no-print">
      <span>
        我的出席：
        <AttendanceTag state={mine.state} />
      </span>
      {mine.state !== 'present' && (
        <Link to={`/meetings/${meeting.id}/sign-in`}>
          <Button type="primary">去签到</Button>
        </Link>
      )}
      {mine.state === 'pending' && <Button onClick={() => setAsking(true)}>请假</Button>}
      <Modal
        open={asking}
        title="请假"
        okText="提交"
        confirmLoading={leave.saving}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setAsking(false)}
        onOk={() => leave.save(reason.trim())}
      >
        <Input.TextArea
          placeholder="请假原因"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
        />
      </Modal>
    </Space>
  );
}

function count(n: number): string {
  return n ? `（${String(n)}）` : '';
}

/** One meeting: plan, attendance, minutes, votes, tasks, files, corrections. */
export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const m = meeting.data;
  useEffect(() => {
    // Reading the page is reading the notice; a failure here is not worth telling anyone.
    if (m?.myAttendance && !m.myAttendance.noticeReadAt) void meetingsApi.markNoticeRead(m.id).catch(() => undefined);
  }, [m?.id, m?.myAttendance]);
  if (meeting.isPending) return <Skeleton active />;
  if (meeting.isError) return <QueryErrorAlert error={meeting.error} />;
  if (!m) return null;
  return (
    <Flex vertical gap="middle">
      <div className="page-toolbar">
        <Space wrap>
          <MeetingTypeTag type={m.type} />
          <Typography.Title level={4} className={styles.title}>
            {m.topic}
          </Typography.Title>
          <MeetingStatusTag status={m.status} />
        </Space>
        {m.canManage ? <HostActions meeting={m} /> : <MemberActions meeting={m} />}
      </div>
      <Card>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="党组织">{m.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="时间">
            {formatCourtDateTime(m.startsAt)}
            {m.endsAt ? ` — ${courtClock(m.endsAt)}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.hostName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="记录人">{m.recorderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="应到/实到">
            {m.summary.expected}/{m.summary.attended}
          </Descriptions.Item>
          {m.agenda && (
            <Descriptions.Item label="议程" span={3}>
              <span className={styles.preWrap}>{m.agenda}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <AnnualInfo meeting={m} />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'attendance', label: '参会人员', children: <AttendancePanel meeting={m} /> },
            {
              key: 'minutes',
              label: '会议记录',
              children: <MinutesPanel key={`${m.id}-${String(m.revision)}`} meeting={m} />,
            },
            { key: 'votes', label: `表决${count(m.votes.length)}`, children: <VotesPanel meeting={m} /> },
            { key: 'tasks', label: `后续任务${count(m.tasks.length)}`, children: <TasksPanel meeting={m} /> },
            { key: 'files', label: '照片和附件', children: <FilesPanel meeting={m} /> },
            ...(m.revision > 0
              ? [{ key: 'revisions', label: `更正记录${count(m.revision)}`, children: <RevisionsPanel meeting={m} /> }]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
