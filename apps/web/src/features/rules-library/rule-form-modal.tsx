import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  RULE_CATEGORIES,
  RULE_STATUS_LABELS,
  RULE_STATUSES,
  type CreateRuleRequest,
  type RuleDetail,
  type RuleStatus,
  type UpdateRuleRequest,
} from '@qizhi/domain';
import { courtTodayValue, dateValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { rulesApi } from './rules.api.ts';
import { rulesKey } from './rules.queries.ts';

export type RuleFormState = { mode: 'create' } | { mode: 'revise'; rule: RuleDetail } | null;

interface Values {
  title: string;
  category: string;
  body?: string;
  adoptedBy: string;
  adoptedOn: Dayjs;
  effectiveOn: Dayjs;
  status: RuleStatus;
  changeNote?: string;
}

/** A revision starts from the rule as it stands. */
function opening(r: RuleDetail): Partial<Values> {
  return {
    title: r.title,
    category: r.category,
    body: r.body,
    adoptedBy: r.adoptedBy,
    adoptedOn: dateValue(r.adoptedOn) ?? undefined,
    effectiveOn: dateValue(r.effectiveOn) ?? undefined,
    status: r.status,
  };
}

function newRule(): Partial<Values> {
  return { status: 'in_force', adoptedOn: courtTodayValue(), effectiveOn: courtTodayValue() };
}

/** New rule, or a revision (a new version that says what changed). */
export function RuleFormModal({ state, onClose }: { state: RuleFormState; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const saver = useSave({
    save: (v: Values) => {
      const fields: CreateRuleRequest = {
        title: v.title.trim(),
        category: v.category.trim(),
        body: v.body?.trim() ?? '',
        adoptedBy: v.adoptedBy.trim(),
        adoptedOn: isoDate(v.adoptedOn),
        effectiveOn: isoDate(v.effectiveOn),
        status: v.status,
      };
      if (state?.mode !== 'revise') return rulesApi.create(fields);
      const body: UpdateRuleRequest = { ...fields, changeNote: v.changeNote?.trim() ?? '' };
      return rulesApi.revise(state.rule.id, body);
    },
    form,
    invalidates: [rulesKey],
    success: '已保存',
    showError: 'alert',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      open={state !== null}
      title={state?.mode === 'revise' ? `修订：${state.rule.title}` : '新增制度'}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={state?.mode === 'revise' ? opening(state.rule) : newRule()}
      width={720}
      formProps={{ disabled: saver.saving }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item
            name="title"
            label="制度名称"
            rules={[{ required: true, whitespace: true, message: '请填写制度名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={5}>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={RULE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={5}>
          <Form.Item name="status" label="状态">
            <Select options={RULE_STATUSES.map((s) => ({ value: s, label: RULE_STATUS_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="adoptedBy"
            label="制定机关"
            rules={[{ required: true, whitespace: true, message: '请填写制定机关' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="adoptedOn" label="通过日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="effectiveOn" label="施行日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="body" label="正文（空行分段）">
        <Input.TextArea rows={10} maxLength={20000} />
      </Form.Item>
      {state?.mode === 'revise' && (
        <Form.Item
          name="changeNote"
          label="修订说明"
          rules={[{ required: true, whitespace: true, message: '请说明本次修订的内容' }]}
        >
          <Input maxLength={200} placeholder="例如：依据新规定修订第二条" />
        </Form.Item>
      )}
    </FormModal>
  );
}
