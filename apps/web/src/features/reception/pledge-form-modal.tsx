import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { PLEDGE_MEASURE_LABELS, PLEDGE_MEASURES, type ServicePledge } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { receptionApi } from './reception.api.ts';
import { receptionKey } from './reception.queries.ts';

interface Values {
  title: string;
  timeLimit: string;
  description: string;
  measure: ServicePledge['measure'] | 'none';
  sortOrder: number;
  published: boolean;
}

/** 新增 or 修改 a service pledge: what is promised, its time limit, and the records that measure it. */
export function PledgeFormModal({
  open,
  pledge,
  onClose,
}: {
  open: boolean;
  pledge: ServicePledge | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const saver = useSave({
    save: (v: Values) => {
      const body = {
        title: v.title.trim(),
        timeLimit: v.timeLimit.trim(),
        description: (v.description ?? '').trim(),
        measure: v.measure === 'none' ? null : v.measure,
        sortOrder: v.sortOrder ?? 0,
        published: v.published,
      };
      return pledge ? receptionApi.updatePledge(pledge.id, body) : receptionApi.createPledge(body);
    },
    form,
    invalidates: [receptionKey],
    success: '已保存',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      open={open}
      title={pledge ? '修改服务承诺' : '新增服务承诺'}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={
        pledge
          ? { ...pledge, measure: pledge.measure ?? 'none' }
          : { title: '', timeLimit: '', description: '', measure: 'none', sortOrder: 0, published: true }
      }
    >
      <Form.Item
        name="title"
        label="承诺事项"
        rules={[{ required: true, whitespace: true, message: '请填写承诺事项' }]}
      >
        <Input maxLength={100} placeholder="如：来访咨询当场答复" />
      </Form.Item>
      <Form.Item name="timeLimit" label="时限" rules={[{ required: true, whitespace: true, message: '请填写时限' }]}>
        <Input maxLength={40} placeholder="如：当场、15日内" />
      </Form.Item>
      <Form.Item name="description" label="说明">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="measure" label="衡量依据（按记录计算本年度兑现情况）">
        <Select
          options={[
            { value: 'none', label: '无（没有可计算的记录）' },
            ...PLEDGE_MEASURES.map((m) => ({ value: m, label: PLEDGE_MEASURE_LABELS[m] })),
          ]}
        />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序（小的在前）">
        <InputNumber min={0} max={999} />
      </Form.Item>
      <Form.Item name="published" label="在公开门户和触摸屏上公布" valuePropName="checked">
        <Switch checkedChildren="公布" unCheckedChildren="撤下" />
      </Form.Item>
    </FormModal>
  );
}
