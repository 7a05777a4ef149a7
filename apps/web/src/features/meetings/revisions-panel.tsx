import { useState } from 'react';
import { Alert, Button, Collapse, Empty, Flex, Input, Modal, Typography } from 'antd';
import { formatCourtDateTime, type MeetingDetail, type RevisionRequest } from '@qizhi/domain';
import { meetingsApi } from './meetings.api.ts';
import { useMeetingSave, useRevisions } from './meetings.queries.ts';
import { MinutesEditor, MinutesView } from './minutes-view.tsx';

/** 更正记录: every version before a correction, whole and readable. */
export function RevisionsPanel({ meeting }: { meeting: MeetingDetail }) {
  const revisions = useRevisions(meeting);
  const items = revisions.data?.items ?? [];
  if (items.length === 0) return <Empty description="没有更正" />;
  return (
    <Collapse
      items={[...items].reverse().map((r) => ({
        key: r.id,
        label: `第${String(r.revision)}次更正 · ${formatCourtDateTime(r.createdAt)} · ${r.createdByName ?? ''} · 原因：${r.reason}`,
        children: (
          <Flex vertical gap="small">
            {r.previous.vote && (
              <Typography.Text>
                更正表决「{r.previous.vote.subject}」，更正前：赞成 {r.previous.vote.yes}、反对 {r.previous.vote.no}
                、弃权 {r.previous.vote.abstain}，{r.previous.vote.adopted ? '通过' : '未通过'}
              </Typography.Text>
            )}
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
          </Flex>
        ),
      }))}
    />
  );
}

/** A closed meeting is corrected only with a reason; the original stays readable. */
export function ReviseButton({ meeting }: { meeting: MeetingDetail }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const revise = useMeetingSave({
    save: (body: RevisionRequest) => meetingsApi.revise(meeting.id, body),
    success: '已更正，原文保存在更正记录中',
    onSaved: () => setOpen(false),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>提交更正</Button>
      <Modal
        open={open}
        title="更正已归档的会议记录"
        width={720}
        okText="提交更正"
        confirmLoading={revise.saving}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onCancel={() => setOpen(false)}
        onOk={() => revise.save({ reason: reason.trim(), minutes })}
        destroyOnHidden
      >
        <Flex vertical gap="small">
          <Alert type="info" showIcon title="会议已归档锁定。更正将保存原文并记入审计日志。" />
          <Input.TextArea
            placeholder="更正原因（必填）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
          />
          <MinutesEditor initial={meeting.minutes ?? ''} onChange={setMinutes} />
        </Flex>
      </Modal>
    </>
  );
}
