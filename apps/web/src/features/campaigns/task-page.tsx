import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Image,
  Input,
  List,
  Radio,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { Link, useParams } from 'react-router';
import { formatCourtDateTime, type StoredFile, type TaskDetail } from '@qizhi/domain';
import { FormProblem } from '../../platform/form-modal.tsx';
import { FullPageSpin } from '../../platform/full-page-spin.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useSave } from '../../platform/use-save.ts';
import { filesApi } from '../files/files.api.ts';
import { PhaseStateTag, TaskStateTag } from './campaign-labels.tsx';
import { campaignsApi } from './campaigns.api.ts';
import { useCampaignSave, useCampaignTask } from './campaigns.queries.ts';
import styles from './campaigns.module.css';

interface Values {
  done: boolean;
  summary: string;
}

/** 报告任务情况, from a phone: took part or done, a short summary, photos. */
function ReportForm({ task }: { task: TaskDetail }) {
  const [form] = Form.useForm<Values>();
  const mine = task.myReport;
  const [photos, setPhotos] = useState<UploadFile<StoredFile>[]>(
    (mine?.photos ?? []).map((p) => ({
      uid: p.id,
      name: p.name,
      status: 'done',
      response: { ...p, size: 0, createdAt: '' },
    })),
  );
  const upload = useSave({ save: filesApi.upload });
  const report = useCampaignSave({
    form,
    showError: 'alert',
    save: (v: Values) =>
      campaignsApi.report(task.id, {
        done: v.done,
        summary: v.summary.trim(),
        fileIds: photos.flatMap((f) => (f.response ? [f.response.id] : [])),
      }),
    success: (t) => (t.myReport?.done ? '已报告完成' : '已报告参加情况'),
  });
  if (task.phaseState === 'upcoming')
    return <Alert type="info" showIcon title={`「${task.phaseName}」阶段尚未开始，开始后再报告。`} />;
  return (
    <Card size="small" title={mine ? '修改我的报告' : '报告我的情况'}>
      <FormProblem problem={report.problem} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={report.save}
        disabled={report.saving}
        initialValues={{ done: mine?.done ?? true, summary: mine?.summary ?? '' }}
      >
        <Form.Item name="done" label="完成情况">
          <Radio.Group
            options={[
              { value: true, label: '已完成' },
              { value: false, label: '参加了，尚未完成' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label="情况简述"
          rules={[{ required: true, whitespace: true, message: '请简要说明参加和完成情况' }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="做了什么、多少人参加、有什么收获" />
        </Form.Item>
        <Form.Item label="照片（最多9张）">
          <Upload<StoredFile>
            accept="image/*"
            listType="picture"
            fileList={photos}
            maxCount={9}
            onChange={({ fileList }) => setPhotos(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              void upload.saveAsync(file as File).then((stored) => {
                if (stored) onSuccess?.(stored);
                else onError?.(new Error('上传失败'));
              });
            }}
          >
            <Button icon={<UploadOutlined />}>上传照片</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={report.saving}>
          提交报告
        </Button>
      </Form>
    </Card>
  );
}

/** One task: what it asks, by when, and who took part — the page a member opens from 我的 on a phone. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const task = useCampaignTask(id);
  if (task.isPending) return <FullPageSpin />;
  if (task.isError) return <QueryErrorAlert error={task.error} />;
  const t = task.data;
  return (
    <Flex vertical gap="small" className={styles.phone}>
      <h1 className="page-title">{t.title}</h1>
      <Card size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="活动">
            <Link to={`/campaigns/${t.campaignId}`}>{t.campaignTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="阶段">
            {t.phaseName} <PhaseStateTag state={t.phaseState} />
          </Descriptions.Item>
          <Descriptions.Item label="承担">{t.assigneeName}</Descriptions.Item>
          <Descriptions.Item label="期限">{t.dueOn}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <span data-testid="task-state">
              <TaskStateTag state={t.state} />
            </span>
          </Descriptions.Item>
          {t.description && <Descriptions.Item label="要求">{t.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {t.canReport && <ReportForm key={t.myReport?.reportedAt ?? 'new'} task={t} />}
      {t.participants.length > 0 && (
        <Card size="small" title={`参加情况（${String(t.participants.length)}人）`}>
          <List
            size="small"
            dataSource={t.participants}
            renderItem={(r) => (
              <List.Item>
                <Flex vertical gap={4} className={styles.fullWidth}>
                  <Typography.Text strong>
                    {r.name} · {r.done ? '已完成' : '参加'} · {formatCourtDateTime(r.reportedAt)}
                  </Typography.Text>
                  <Typography.Text className={styles.summary}>{r.summary}</Typography.Text>
                  {r.photos.length > 0 && (
                    <Image.PreviewGroup>
                      <Flex wrap gap="small">
                        {r.photos.map((p) => (
                          <Image key={p.id} src={filesApi.url(p.id)} alt={p.name} className={styles.photo} />
                        ))}
                      </Flex>
                    </Image.PreviewGroup>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
