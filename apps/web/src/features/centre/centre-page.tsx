import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Skeleton, Space, Switch, Typography } from 'antd';
import { courtYear, type Centre, type UpdateCentreRequest } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { DimensionCards } from '../goals/dimension-cards.tsx';
import { YearSelect } from '../goals/year-select.tsx';
import { centreApi } from './centre.api.ts';
import styles from './centre.module.css';
import { centreKeys, useCentre } from './centre.queries.ts';
import { MyCourtTypes } from './my-court-types.tsx';

/** 一个中心: the year's objective and working line, and how the six court types are doing. */
export default function CentrePage() {
  const can = useCan();
  const [year, setYear] = useState(courtYear);
  const centre = useCentre(year);
  const [editing, setEditing] = useState(false);
  const points = useSave({
    save: centreApi.setPointsRanking,
    invalidates: [centreKeys.all],
    success: (_, enabled) => (enabled ? '已开启“比学赶超”积分排名' : '已关闭“比学赶超”积分排名'),
  });

  return (
    <Flex vertical gap="middle">
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
          <div className={styles.banner}>
            <Typography.Title level={3} className={styles.objective}>
              {centre.data.objective}
            </Typography.Title>
            <Typography.Text className={styles.workingLine}>工作思路：{centre.data.workingLine}</Typography.Text>
            {centre.data.isDefault && <div className={styles.defaultNote}>本年度尚未单独设定，显示的是默认目标。</div>}
          </div>
        )}
      </Card>
      <Card title={`${String(year)}年度“六型法院”建设进度`}>
        {can('goals.read') ? <DimensionCards year={year} /> : <MyCourtTypes year={year} />}
      </Card>
      {can('centre.manage') && centre.data && (
        <Card title="比学赶超">
          <Space align="start">
            <Switch
              checked={centre.data.pointsRankingEnabled}
              loading={points.saving}
              onChange={points.save}
              aria-label="比学赶超积分排名"
            />
            <div>
              <div>开启积分排名</div>
              <div className={styles.note}>
                默认关闭。依照防治“指尖上的形式主义”的要求，积分排名为可选功能；开启后按目标完成度、组织生活出勤和个人荣誉计算积分，在“定期考核”中按党小组和党员排名。
              </div>
            </div>
          </Space>
        </Card>
      )}
      <CentreModal centre={editing ? (centre.data ?? null) : null} onClose={() => setEditing(false)} />
    </Flex>
  );
}

function CentreModal({ centre, onClose }: { centre: Centre | null; onClose: () => void }) {
  const [form] = Form.useForm<UpdateCentreRequest>();
  const saver = useSave({
    save: (values: UpdateCentreRequest) => centreApi.update(centre?.year ?? courtYear(), values),
    form,
    invalidates: [centreKeys.all],
    success: '已保存',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<UpdateCentreRequest>
      open={centre !== null}
      title={centre ? `设定${String(centre.year)}年度中心目标` : ''}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={centre ? { objective: centre.objective, workingLine: centre.workingLine } : {}}
    >
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
    </FormModal>
  );
}
