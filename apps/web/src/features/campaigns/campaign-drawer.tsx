import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import {
  addDays,
  COURT_TYPES,
  COURT_TYPE_LABELS,
  courtToday,
  DEFAULT_CAMPAIGN_PHASES,
  type CourtType,
} from '@qizhi/domain';
import { DayPicker } from '../../platform/day-picker.tsx';
import { FormDrawer } from '../../platform/form-modal.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { campaignsApi } from './campaigns.api.ts';
import { useCampaignSave } from './campaigns.queries.ts';
import styles from './campaigns.module.css';

interface Values {
  title: string;
  goals: string;
  courtTypes: CourtType[];
  orgUnitId: string;
  phases: { name: string; startsOn: string; endsOn: string }[];
}

const WHOLE_COURT = '';

/** 部署活动: title, goals, the court types it serves, who runs it, its phases (学习教育、查摆问题、整改落实). */
export function CampaignDrawer({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const units = useOrgUnits(open);
  const saver = useCampaignSave({
    form,
    save: (v: Values) => campaignsApi.create({ ...v, orgUnitId: v.orgUnitId === WHOLE_COURT ? null : v.orgUnitId }),
    success: '活动已部署',
    onSaved: (c) => onClose(c.id),
  });
  const today = courtToday();
  return (
    <FormDrawer
      open={open}
      title="部署主题教育实践活动"
      form={form}
      saver={saver}
      onClose={() => onClose()}
      width={560}
      initialValues={{
        courtTypes: ['learning'],
        orgUnitId: WHOLE_COURT,
        phases: DEFAULT_CAMPAIGN_PHASES.map((name, i) => ({
          name,
          startsOn: addDays(today, i * 30),
          endsOn: addDays(today, i * 30 + 29),
        })),
      }}
    >
      <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="goals" label="活动目标" rules={[{ required: true, message: '请填写活动目标' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="courtTypes" label="六型法院维度" rules={[{ required: true, message: '请至少选择一个维度' }]}>
        <Select mode="multiple" options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))} />
      </Form.Item>
      <Form.Item name="orgUnitId" label="组织开展">
        <Select
          loading={units.isPending}
          options={[
            { value: WHOLE_COURT, label: '全院' },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </Form.Item>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} gap="small" wrap align="baseline" className={styles.phaseRow}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={i === 0 ? '阶段' : undefined}
                  rules={[{ required: true, message: '请填写阶段名称' }]}
                >
                  <Input maxLength={30} placeholder="阶段名称" aria-label={`第${String(i + 1)}阶段名称`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'startsOn']}
                  label={i === 0 ? '第一天' : undefined}
                  rules={[{ required: true, message: '请选择日期' }]}
                >
                  <DayPicker aria-label={`第${String(i + 1)}阶段第一天`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'endsOn']}
                  label={i === 0 ? '最后一天（含）' : undefined}
                  rules={[{ required: true, message: '请选择日期' }]}
                >
                  <DayPicker aria-label={`第${String(i + 1)}阶段最后一天`} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined aria-label="删除阶段" onClick={() => remove(field.name)} />}
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', startsOn: today, endsOn: today })}
            >
              增加阶段
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
