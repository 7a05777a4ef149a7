import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Image, Input, List, Space, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { courtToday, type MeetingDetail, type MeetingTask } from '@qizhi/domain';
import { useSession } from '../../platform/session.tsx';
import { filesApi } from '../files/files.api.ts';
import { PersonSelect } from '../members/person-select.tsx';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeetingSave } from './meetings.queries.ts';

interface TaskValues {
  title: string;
  ownerPersonId: string;
  dueOn: Dayjs;
}

function TaskState({ task, today }: { task: MeetingTask; today: string }) {
  if (task.doneAt) return <Tag color="success">已办结</Tag>;
  if (task.dueOn < today) return <Tag color="error">已逾期</Tag>;
  return <Tag color="processing">办理中</Tag>;
}

/** 后续任务: owner and due date; finished by the owner or the host, also after closing. */
export function TasksPanel({ meeting }: { meeting: MeetingDetail }) {
  const { user } = useSession();
  const [form] = Form.useForm<TaskValues>();
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const add = useMeetingSave({
    save: (v: TaskValues) =>
      meetingsApi.addTask(meeting.id, {
        title: v.title,
        ownerPersonId: v.ownerPersonId,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
      }),
    form,
    onSaved: () => form.resetFields(),
  });
  const done = useMeetingSave({ save: (taskId: string) => meetingsApi.finishTask(meeting.id, taskId) });
  const today = courtToday();
  return (
    <Flex vertical gap="small">
      <List<MeetingTask>
        dataSource={meeting.tasks}
        locale={{ emptyText: '没有后续任务' }}
        renderItem={(t) => (
          <List.Item
            actions={
              !t.doneAt && (meeting.canManage || t.ownerPersonId === user.personId)
                ? [
                    <Button key="done" size="small" onClick={() => done.save(t.id)}>
                      办结
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={t.title} description={`责任人：${t.ownerName} · ${t.dueOn}前完成`} />
            <TaskState task={t} today={today} />
          </List.Item>
        )}
      />
      {editable && (
        <Form form={form} layout="inline" name="task" onFinish={add.save} className={styles.inlineForm}>
          <Form.Item name="title" rules={[{ required: true, message: '请填写任务内容' }]}>
            <Input placeholder="任务内容" className={styles.taskTitle} />
          </Form.Item>
          <Form.Item name="ownerPersonId" rules={[{ required: true, message: '请选择责任人' }]}>
            <PersonSelect placeholder="责任人" />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true, message: '请选择完成期限' }]}>
            <DatePicker placeholder="完成期限" />
          </Form.Item>
          <Button htmlType="submit" loading={add.saving}>
            布置任务
          </Button>
        </Form>
      )}
    </Flex>
  );
}

/** 照片和附件: uploaded as files, then attached to the meeting. */
export function FilesPanel({ meeting }: { meeting: MeetingDetail }) {
  const editable = meeting.canManage && meeting.status !== 'closed' && meeting.status !== 'cancelled';
  const attach = useMeetingSave({
    save: async (file: File) => {
      const stored = await filesApi.upload(file);
      return meetingsApi.attachFile(meeting.id, stored.id, stored.mime.startsWith('image/') ? 'photo' : 'file');
    },
    success: (_detail, file) => `已上传：${file.name}`,
  });
  const photos = meeting.files.filter((f) => f.kind === 'photo');
  const others = meeting.files.filter((f) => f.kind === 'file');
  return (
    <Flex vertical gap="small">
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((p) => (
              <Image
                key={p.fileId}
                width={160}
                height={120}
                className={styles.photo}
                src={filesApi.url(p.fileId)}
                alt={p.name}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <Typography.Link key={f.fileId} href={filesApi.url(f.fileId)} target="_blank">
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
      {meeting.files.length === 0 && <Typography.Text type="secondary">没有照片和附件</Typography.Text>}
      {editable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            attach.save(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={attach.saving}>
            上传照片或附件
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
