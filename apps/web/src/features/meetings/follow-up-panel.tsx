import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Image, Input, List, Space, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { courtToday, type MeetingDetail, type MeetingTask } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { useSession } from '../../platform/session.tsx';
import { PersonSelect } from '../members/person-select.tsx';
import { useMeetingAction } from './meetings-queries.ts';

interface TaskValues {
  title: string;
  ownerPersonId: string;
  dueOn: Dayjs;
}

/** 后续任务: owner and due date; finished by the owner or the host, also after closing. */
export function TasksPanel({ meeting }: { meeting: MeetingDetail }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<TaskValues>();
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const add = useMeetingAction(meeting.id, (v: TaskValues) =>
    api.post<MeetingDetail>(`/api/meetings/${meeting.id}/tasks`, {
      title: v.title,
      ownerPersonId: v.ownerPersonId,
      dueOn: v.dueOn.format('YYYY-MM-DD'),
    }),
  );
  const done = useMeetingAction(meeting.id, (taskId: string) =>
    api.post<MeetingDetail>(`/api/meetings/${meeting.id}/tasks/${taskId}/done`),
  );
  const today = courtToday();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List<MeetingTask>
        dataSource={meeting.tasks}
        locale={{ emptyText: '没有后续任务' }}
        renderItem={(t) => (
          <List.Item
            actions={
              !t.doneAt && (meeting.canManage || t.ownerPersonId === user.personId)
                ? [
                    <Button
                      key="done"
                      size="small"
                      onClick={() => done.mutate(t.id, { onError: (e) => void message.error(errorMessage(e)) })}
                    >
                      办结
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={t.title} description={`责任人：${t.ownerName} · ${t.dueOn}前完成`} />
            {t.doneAt ? (
              <Tag color="success">已办结</Tag>
            ) : t.dueOn < today ? (
              <Tag color="error">已逾期</Tag>
            ) : (
              <Tag color="processing">办理中</Tag>
            )}
          </List.Item>
        )}
      />
      {editable && (
        <Form
          form={form}
          layout="inline"
          name="task"
          onFinish={(v) =>
            add.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => void message.error(errorMessage(e)) })
          }
          style={{ rowGap: 8 }}
        >
          <Form.Item name="title" rules={[{ required: true, message: '请填写任务内容' }]}>
            <Input placeholder="任务内容" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="ownerPersonId" rules={[{ required: true, message: '请选择责任人' }]}>
            <PersonSelect placeholder="责任人" />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true, message: '请选择完成期限' }]}>
            <DatePicker placeholder="完成期限" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            布置任务
          </Button>
        </Form>
      )}
    </Space>
  );
}

/** 照片和附件: uploaded through /api/files, then attached. */
export function FilesPanel({ meeting }: { meeting: MeetingDetail }) {
  const { message } = App.useApp();
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const attach = useMeetingAction(meeting.id, async (file: File) => {
    const stored = await api.upload<{ id: string; mime: string }>('/api/files', file);
    return api.post<MeetingDetail>(`/api/meetings/${meeting.id}/files`, {
      fileId: stored.id,
      kind: stored.mime.startsWith('image/') ? 'photo' : 'file',
    });
  });
  const photos = meeting.files.filter((f) => f.kind === 'photo');
  const others = meeting.files.filter((f) => f.kind === 'file');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((p) => (
              <Image
                key={p.fileId}
                width={160}
                height={120}
                style={{ objectFit: 'cover' }}
                src={`/api/files/${p.fileId}`}
                alt={p.name}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <Typography.Link key={f.fileId} href={`/api/files/${f.fileId}`} target="_blank">
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
      {meeting.files.length === 0 && <Typography.Text type="secondary">没有照片和附件</Typography.Text>}
      {editable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            attach.mutate(file, {
              onSuccess: () => void message.success(`已上传：${file.name}`),
              onError: (e) => void message.error(errorMessage(e)),
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={attach.isPending}>
            上传照片或附件
          </Button>
        </Upload>
      )}
    </Space>
  );
}
