import { useState } from 'react';
import { PaperClipOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Input, Popconfirm, Select, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  ATTENDANCE_STATE_LABELS,
  formatCourtDateTime,
  type AttendanceRequest,
  type StudyAttendee,
} from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { SignInCodeDialog } from '../meetings/sign-in-code-modal.tsx';
import { MinutesView } from '../meetings/minutes-view.tsx';
import { filesApi } from '../files/files.api.ts';
import { MaterialsModal } from './session-materials-fields.tsx';
import { CourtTypeTags, StudyKindTag, StudyStatusTag } from './study-labels.tsx';
import { studyApi } from './study.api.ts';
import { useStudySave, useStudySession, useStudySignInCode } from './study.queries.ts';
import styles from './study.module.css';

type Entry = AttendanceRequest[number];

/** The organiser's attendance list: each line present, excused with a reason, or absent; saved together. */
function AttendanceTable({ id, attendees }: { id: string; attendees: StudyAttendee[] }) {
  const [changes, setChanges] = useState<Record<string, Entry>>({});
  const save = useStudySave({
    save: () => studyApi.recordAttendance(id, Object.values(changes)),
    success: '已登记出席情况',
    onSaved: () => setChanges({}),
  });
  const entryOf = (a: StudyAttendee): Entry =>
    changes[a.personId] ?? {
      personId: a.personId,
      state: a.state === 'pending' ? 'present' : a.state,
      reason: a.reason,
    };
  const set = (a: StudyAttendee, patch: Partial<Entry>) =>
    setChanges((c) => ({ ...c, [a.personId]: { ...entryOf(a), ...patch } }));
  return (
    <Card
      size="small"
      title="出席情况"
      extra={
        <Button
          type="primary"
          disabled={Object.keys(changes).length === 0}
          loading={save.saving}
          onClick={() => save.save()}
        >
          保存出席情况（{Object.keys(changes).length}）
        </Button>
      }
    >
      <Table<StudyAttendee>
        rowKey="personId"
        size="small"
        dataSource={attendees}
        pagination={attendees.length > 50 ? { pageSize: 50 } : false}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '党组织', dataIndex: 'orgUnitName', render: (v: string | null) => v ?? '—' },
          {
            title: '出席',
            render: (_, a) => (
              <Select
                aria-label={`${a.name}的出席情况`}
                size="small"
                value={changes[a.personId]?.state ?? (a.state === 'pending' ? undefined : a.state)}
                onChange={(state: Entry['state']) => set(a, { state })}
                options={(['present', 'leave', 'absent'] as const).map((s) => ({
                  value: s,
                  label: ATTENDANCE_STATE_LABELS[s],
                }))}
                placeholder="未登记"
              />
            ),
          },
          {
            title: '请假原因',
            render: (_, a) =>
              (changes[a.personId]?.state ?? a.state) === 'leave' ? (
                <Input
                  size="small"
                  aria-label={`${a.name}的请假原因`}
                  value={changes[a.personId]?.reason ?? a.reason ?? ''}
                  onChange={(e) => set(a, { reason: e.target.value })}
                />
              ) : null,
          },
          {
            title: '签到',
            render: (_, a) =>
              a.signedInAt
                ? `${formatCourtDateTime(a.signedInAt)}（${a.signInMethod === 'code' ? '扫码' : '登记'}）`
                : '',
          },
        ]}
      />
    </Card>
  );
}

/** 学习详情: what, when, where, the materials; the organiser's sign-in code and attendance. */
export default function StudySessionDetailPage() {
  const { id = '' } = useParams();
  const detail = useStudySession(id);
  const [codeOpen, setCodeOpen] = useState(false);
  const [materialsOpen, setMaterialsOpen] = useState(false);
  const code = useStudySignInCode(id, codeOpen);
  const cancel = useStudySave({
    save: (cancelled: boolean) => studyApi.updateSession(id, { cancelled }),
    success: (_, cancelled) => (cancelled ? '已取消本次学习' : '已恢复本次学习'),
  });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <QueryErrorAlert error={detail.error} />;
  const s = detail.data;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3}>
        <StudyKindTag kind={s.kind} />
        {s.title}
      </Typography.Title>
      <Card
        size="small"
        extra={
          s.canManage && (
            <Space>
              {s.status !== 'cancelled' && (
                <Button icon={<QrcodeOutlined />} onClick={() => setCodeOpen(true)}>
                  签到码
                </Button>
              )}
              <Button onClick={() => setMaterialsOpen(true)}>学习材料</Button>
              <Popconfirm
                title={s.status === 'cancelled' ? '恢复本次学习？' : '取消本次学习？取消后不计学时。'}
                okText="确定"
                cancelText="不了"
                onConfirm={() => cancel.save(s.status !== 'cancelled')}
              >
                <Button danger={s.status !== 'cancelled'}>{s.status === 'cancelled' ? '恢复' : '取消学习'}</Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="时间">{formatCourtDateTime(s.startsAt)}</Descriptions.Item>
          <Descriptions.Item label="地点">{s.place}</Descriptions.Item>
          <Descriptions.Item label="学习主题">{s.topic ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主讲人">{s.speaker ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="学时">{s.hours}</Descriptions.Item>
          <Descriptions.Item label="应参加人员">{s.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StudyStatusTag status={s.status} />
          </Descriptions.Item>
          <Descriptions.Item label="六型法院">
            <CourtTypeTags types={s.courtTypes} />
          </Descriptions.Item>
          <Descriptions.Item label="出席">
            应到{s.summary.expected} · 出席{s.summary.present} · 请假{s.summary.leave} · 缺席{s.summary.absent}
          </Descriptions.Item>
          {s.myAttendance && (
            <Descriptions.Item label="本人">
              {ATTENDANCE_STATE_LABELS[s.myAttendance.state]}
              {s.myAttendance.state !== 'present' && s.status !== 'cancelled' && (
                <Link to={`/study/sessions/${s.id}/sign-in`}> 去签到</Link>
              )}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {(s.materialsHtml || s.links.length > 0 || s.files.length > 0) && (
        <Card size="small" title="学习材料">
          {s.materialsHtml && (
            <div className={styles.materials}>
              <MinutesView html={s.materialsHtml} />
            </div>
          )}
          {s.links.map((l) => (
            <div key={l.url}>
              <a href={l.url} target="_blank" rel="noreferrer noopener">
                {l.title}
              </a>
            </div>
          ))}
          {s.files.map((f) => (
            <div key={f.id}>
              <a href={filesApi.url(f.id)} target="_blank" rel="noreferrer noopener">
                <PaperClipOutlined /> {f.name}
              </a>
            </div>
          ))}
        </Card>
      )}
      {s.canManage && <AttendanceTable key={s.id} id={s.id} attendees={s.attendees} />}
      <SignInCodeDialog code={code} open={codeOpen} onClose={() => setCodeOpen(false)} />
      {s.canManage && materialsOpen && (
        <MaterialsModal session={s} open={materialsOpen} onClose={() => setMaterialsOpen(false)} />
      )}
    </Flex>
  );
}
