import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  RULE_CATEGORIES,
  RULE_STATUS_LABELS,
  RULE_STATUSES,
  type CreateRuleRequest,
  type RuleDetail,
  type RuleStatus,
  type UpdateRuleRequest,
} from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { refreshRules } from './rules-queries.ts';

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

/** New rule, or a revision (a new version that says what changed). */
export function RuleFormModal({ state, onClose }: { state: RuleFormState; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!state) return;
    setProblem(null);
    form.resetFields();
    if (state.mode === 'revise') {
      const r = state.rule;
      form.setFieldsValue({
        title: r.title,
        category: r.category,
        body: r.body,
        adoptedBy: r.adoptedBy,
        adoptedOn: dayjs(r.adoptedOn),
        effectiveOn: dayjs(r.effectiveOn),
        status: r.status,
      });
    } else {
      form.setFieldsValue({ status: 'in_force', adoptedOn: dayjs(), effectiveOn: dayjs() });
    }
  }, [state, form]);

  async function save(v: Values) {
    if (!state) return;
    setSaving(true);
    setProblem(null);
    const fields = {
      title: v.title.trim(),
      category: v.category.trim(),
      body: v.body?.trim() ?? '',
      adoptedBy: v.adoptedBy.trim(),
      adoptedOn: v.adoptedOn.format('YYYY-MM-DD'),
      effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
      status: v.status,
    };
    try {
      if (state.mode === 'revise') {
        const body: UpdateRuleRequest = { ...fields, changeNote: v.changeNote?.trim() ?? '' };
        await api.patch(`/api/rules/${state.rule.id}`, body);
      } else {
        await api.post('/api/rules', fields satisfies CreateRuleRequest);
      }
      void message.success('已保存');
      await refreshRules();
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
      open={state !== null}
      title={state?.mode === 'revise' ? `修订：${state.rule.title}` : '新增制度'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={(v) => void save(v)}>
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
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="effectiveOn" label="施行日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
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
      </Form>
    </Modal>
  );
}
