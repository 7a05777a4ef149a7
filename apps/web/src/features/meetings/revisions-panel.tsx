import { useState } from 'react';
import { Alert, App, Button, Collapse, Empty, Input, Modal, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeetingDetail, MeetingRevisions as MeetingRevisionsSchema, RevisionRequest } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { formatShanghai } from './meeting-labels.tsx';
import { meetingsKey, useMeetingAction } from './meetings-queries.ts';
import { MinutesEditor, MinutesView } from './minutes-editor.tsx';

type MeetingRevisions = z.infer<typeof MeetingRevisionsSchema>;

/** 更正记录: every version before a correction, whole and readable. */
export function RevisionsPanel({ meeting }: { meeting: MeetingDetail }) {
  const revisions = useQuery({
    queryKey: [...meetingsKey, 'revisions', meeting.id, meeting.revision],
    queryFn: () => api.get<MeetingRevisions>(`/api/meetings/${meeting.id}/revisions`),
  });
  const items = revisions.data?.items ?? [];
  if (items.length === 0) return <Empty description="归档后没有更正" />;
  return (
    <Collapse
      items={[...items].reverse().map((r) => ({
        key: r.id,
        label: `第${String(r.revision)}次更正 · ${formatShanghai(r.createdAt)} · ${r.createdByName ?? ''} · 原因：${r.reason}`,
        children: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">以下为更正前的原文：</Typography.Text>
            <div>
              主题：{r.previous.topic} · 地点：{r.previous.place}
            </div>
            {r.previous.minutes ? (
              <MinutesView html={r.previous.minutes} />
            ) : (
              <Typography.Text type="secondary">（无会议记录）</Typography.Text>
            )}
            {r.previous.resolutions.length > 0 && (
              <ol>
                {r.previous.resolutions.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ol>
            )}
          </Space>
        ),
      }))}
    />
  );
}

/** A closed meeting is corrected only with a reason; the original stays readable. */
export function ReviseButton({ meeting }: { meeting: MeetingDetail }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const revise = useMeetingAction(meeting.id, (body: RevisionRequest) =>
    api.post<MeetingDetail>(`/api/meetings/${meeting.id}/revisions`, body),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>提交更正</Button>
      <Modal
        open={open}
        title="更正已归档的会议记录"
        width={720}
        okText="提交更正"
        confirmLoading={revise.isPending}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          revise.mutate(
            { reason: reason.trim(), minutes },
            {
              onSuccess: () => {
                setOpen(false);
                void message.success('已更正，原文保存在更正记录中');
              },
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title="会议已归档锁定。更正将保存原文并记入审计日志。" />
          <Input.TextArea
            placeholder="更正原因（必填）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
          />
          <MinutesEditor initial={meeting.minutes ?? ''} onChange={setMinutes} />
        </Space>
      </Modal>
    </>
  );
}
