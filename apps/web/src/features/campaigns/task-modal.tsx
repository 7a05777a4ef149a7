import { Form, Input, Radio, Select } from 'antd';
import { COURT_TYPES, COURT_TYPE_LABELS, type CampaignDetail, type CourtType } from '@qizhi/domain';
import { DayPicker } from '../../platform/day-picker.tsx';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { PersonSelect } from '../members/person-select.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { campaignsApi } from './campaigns.api.ts';
import { useCampaignSave } from './campaigns.queries.ts';

interface Values {
  phaseId: string;
  title: string;
  description?: string;
  assignee: 'org' | 'person';
  orgUnitId?: string;
  personId?: string | null;
  dueOn: string;
  courtTypes: CourtType[];
}

/** 布置任务: a task of a phase for an organisation (all its people take part) or one person. */
export function TaskModal({
  campaign,
  open,
  onClose,
}: {
  campaign: CampaignDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const units = useOrgUnits(open);
  const assignee = Form.useWatch('assignee', form);
  const saver = useCampaignSave({
    form,
    save: (v: Values) =>
      campaignsApi.addTask(campaign.id, {
        phaseId: v.phaseId,
        title: v.title,
        description: v.description ?? null,
        orgUnitId: v.assignee === 'org' ? (v.orgUnitId ?? null) : null,
        personId: v.assignee === 'person' ? (v.personId ?? null) : null,
        dueOn: v.dueOn,
        courtTypes: v.courtTypes,
      }),
    success: '任务已布置',
    onSaved: onClose,
  });
  const current = campaign.phases.find((p) => p.state === 'active') ?? campaign.phases[0];
  return (
    <FormModal<Values>
      open={open}
      title="布置任务"
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={{
        phaseId: current?.id,
        assignee: 'org',
        orgUnitId: campaign.orgUnitId ?? undefined,
        dueOn: current?.endsOn,
        courtTypes: campaign.courtTypes,
      }}
    >
      <Form.Item name="phaseId" label="阶段" rules={[{ required: true, message: '请选择阶段' }]}>
        <Select
          options={campaign.phases.map((p) => ({ value: p.id, label: `${p.name}（${p.startsOn}至${p.endsOn}）` }))}
        />
      </Form.Item>
      <Form.Item name="title" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label="任务要求">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="assignee" label="承担">
        <Radio.Group
          options={[
            { value: 'org', label: '党组织' },
            { value: 'person', label: '个人' },
          ]}
        />
      </Form.Item>
      {assignee === 'person' ? (
        <Form.Item name="personId" label="承担人" rules={[{ required: true, message: '请选择承担人' }]}>
          <PersonSelect />
        </Form.Item>
      ) : (
        <Form.Item name="orgUnitId" label="承担的党组织" rules={[{ required: true, message: '请选择党组织' }]}>
          <Select loading={units.isPending} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      )}
      <Form.Item name="dueOn" label="完成期限（含当天）" rules={[{ required: true, message: '请选择完成期限' }]}>
        <DayPicker className={ui.block} />
      </Form.Item>
      <Form.Item name="courtTypes" label="六型法院维度">
        <Select mode="multiple" options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))} />
      </Form.Item>
    </FormModal>
  );
}
