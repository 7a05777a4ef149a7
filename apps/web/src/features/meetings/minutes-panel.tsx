import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Space, Typography } from 'antd';
import { formatCourtDateTime, minutesTemplate, type MeetingDetail, type MinutesRequest } from '@qizhi/domain';
import { meetingsApi } from './meetings.api.ts';
import { useMeetingSave } from './meetings.queries.ts';
import styles from './meetings.module.css';
import { MinutesEditor, MinutesView } from './minutes-view.tsx';

function Resolutions({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <Typography.Text strong>会议决议</Typography.Text>
      <ol className={styles.flush}>
        {items.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ol>
    </>
  );
}

/** 会议记录 and 决议: editable until the meeting is closed; afterwards a correction is a revision. */
export function MinutesPanel({ meeting }: { meeting: MeetingDetail }) {
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const [editing, setEditing] = useState(false);
  const [html, setHtml] = useState(meeting.minutes ?? '');
  const [resolutions, setResolutions] = useState<string[]>(meeting.resolutions);
  const minutes = useMeetingSave({
    save: (body: MinutesRequest) => meetingsApi.saveMinutes(meeting.id, body),
    success: '会议记录已保存',
    onSaved: () => setEditing(false),
  });

  if (editing) {
    return (
      <Flex vertical gap="small">
        <MinutesEditor initial={meeting.minutes ?? defaultMinutes(meeting)} onChange={setHtml} />
        <Typography.Text strong>会议决议</Typography.Text>
        {resolutions.map((r, i) => (
          <Space.Compact key={i} block>
            <Input
              value={r}
              placeholder={`决议${String(i + 1)}`}
              aria-label={`决议${String(i + 1)}`}
              onChange={(e) => setResolutions((all) => all.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <Button
              icon={<DeleteOutlined />}
              onClick={() => setResolutions((all) => all.filter((_, j) => j !== i))}
              aria-label="删除决议"
            />
          </Space.Compact>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setResolutions((all) => [...all, ''])}>
          添加决议
        </Button>
        <Space>
          <Button
            type="primary"
            loading={minutes.saving}
            onClick={() =>
              minutes.save({
                minutes: html || defaultMinutes(meeting),
                resolutions: resolutions.map((r) => r.trim()).filter(Boolean),
              })
            }
          >
            保存会议记录
          </Button>
          <Button onClick={() => setEditing(false)}>取消</Button>
        </Space>
      </Flex>
    );
  }
  return (
    <Flex vertical gap="small">
      {meeting.minutes ? (
        <>
          <MinutesView html={meeting.minutes} />
          {meeting.minutesRecordedAt && (
            <Typography.Text type="secondary" className={styles.note}>
              记录于 {formatCourtDateTime(meeting.minutesRecordedAt)}
              {meeting.revision > 0 ? ` · 已更正${String(meeting.revision)}次` : ''}
            </Typography.Text>
          )}
        </>
      ) : (
        <Empty description="尚未填写会议记录" />
      )}
      <Resolutions items={meeting.resolutions} />
      {editable && new Date(meeting.recordOpensAt).getTime() > Date.now() && (
        <Typography.Text type="secondary" className={styles.note}>
          会议记录须于会议开始（{formatCourtDateTime(meeting.recordOpensAt)}）后填写
        </Typography.Text>
      )}
      {editable && (
        <Button
          type="primary"
          disabled={new Date(meeting.recordOpensAt).getTime() > Date.now()}
          onClick={() => {
            setHtml(meeting.minutes ?? defaultMinutes(meeting));
            setResolutions(meeting.resolutions);
            setEditing(true);
          }}
        >
          {meeting.minutes ? '修改会议记录' : '填写会议记录'}
        </Button>
      )}
    </Flex>
  );
}

/** The template the server recognises and refuses unchanged (minutesTemplate in the domain). */
function defaultMinutes(m: MeetingDetail): string {
  return minutesTemplate({ ...m, expected: m.summary.expected, attended: m.summary.attended });
}
