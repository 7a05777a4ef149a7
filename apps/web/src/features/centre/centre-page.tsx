import { useEffect, useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Skeleton, Space, Switch, Typography } from 'antd';
import { courtYear, type Centre, type UpdateCentreRequest } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { queryClient } from '../../platform/query-client.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { DimensionCards } from '../goals/dimension-cards.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { useCentre } from './centre.queries.ts';

/** 一个中心: the year's objective and working line, and how the six court types are doing. */
export default function CentrePage() {
  const can = useCan();
  const { message } = App.useApp();
  const [year, setYear] = useState(courtYear);
  const centre = useCentre(year);
  const [editing, setEditing] = useState(false);
  const [toggling, setToggling] = useState(false);

  async function togglePoints(enabled: boolean) {
    setToggling(true);
    try {
      await api.put('/api/centre/points-ranking', { enabled });
      void message.success(enabled ? '已开启“比学赶超”积分排名' : '已关闭“比学赶超”积分排名');
      await queryClient.invalidateQueries({ queryKey: ['centre'] });
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setToggling(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <div className="page-toolbar">
          <h1 className="page-title">一个中心：建设过硬法院队伍</h1>
          <Space wrap className="no-print">
            <YearSelect value={year} onChange={setYear} />
            {can('centre.manage') && centre.data && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                设定年度目标
              </Button>
            )}
          </Space>
        </div>
        {centre.isPending && <Skeleton active />}
        {centre.isError && <QueryErrorAlert error={centre.error} />}
        {centre.data && (
          <div style={{ textAlign: 'center', padding: '12px 0' }}>
            <Typography.Title level={3} style={{ color: '#cf1322', marginBottom: 8 }}>
              {centre.data.objective}
            </Typography.Title>
            <Typography.Text style={{ fontSize: 16 }}>工作思路：{centre.data.workingLine}</Typography.Text>
            {centre.data.isDefault && (
              <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 8 }}>本年度尚未单独设定，显示的是默认目标。</div>
            )}
          </div>
        )}
      </Card>
      <Card title={`${String(year)}年度“六型法院”建设进度`}>
        {can('goals.read') ? (
          <DimensionCards year={year} />
        ) : (
          <Space wrap>
            {centre.data?.courtTypes.map((t) => (
              <Typography.Text key={t.code} strong>
                {t.label}法院
              </Typography.Text>
            ))}
          </Space>
        )}
      </Card>
      {can('centre.manage') && centre.data && (
        <Card title="比学赶超">
          <Space align="start">
            <Switch
              checked={centre.data.pointsRankingEnabled}
              loading={toggling}
              onChange={(v) => void togglePoints(v)}
              aria-label="比学赶超积分排名"
            />
            <div>
              <div>开启积分排名</div>
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                默认关闭。依照防治“指尖上的形式主义”的要求，积分排名为可选功能；开启后按目标完成度、组织生活出勤和个人荣誉计算积分，在“定期考核”中按党小组和党员排名。
              </div>
            </div>
          </Space>
        </Card>
      )}
      <CentreModal centre={editing ? (centre.data ?? null) : null} onClose={() => setEditing(false)} />
    </Space>
  );
}

function CentreModal({ centre, onClose }: { centre: Centre | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateCentreRequest>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (centre) form.setFieldsValue({ objective: centre.objective, workingLine: centre.workingLine });
    setProblem(null);
  }, [centre, form]);

  async function save(values: UpdateCentreRequest) {
    if (!centre) return;
    setSaving(true);
    try {
      await api.put(`/api/centre/${String(centre.year)}`, values);
      void message.success('已保存');
      await queryClient.invalidateQueries({ queryKey: ['centre'] });
      onClose();
    } catch (error) {
      applyFieldIssues(form, error);
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={centre !== null}
      title={centre ? `设定${String(centre.year)}年度中心目标` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<UpdateCentreRequest> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item
          name="objective"
          label="年度中心目标"
          rules={[{ required: true, whitespace: true, message: '请填写中心目标' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="workingLine"
          label="工作思路"
          rules={[{ required: true, whitespace: true, message: '请填写工作思路' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
