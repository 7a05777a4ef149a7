import { useEffect, useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { MAX_PROMISES, type Commitment, type CreateCommitmentRequest } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { applyFieldIssues } from '../../platform/form-errors.ts';
import { refreshCommitments } from './commitments-queries.ts';

export type EditorState =
  | {
      mode: 'create';
      year: number;
      ownerKind: 'person' | 'org_unit';
      orgUnitId?: string;
      goals: { id: string; title: string }[];
    }
  | { mode: 'edit'; commitment: Commitment; goals: { id: string; title: string }[] }
  | null;

interface Values {
  promises: { text: string; goalId?: string | null }[];
}

/** Drafting or changing a commitment: a few concrete promises, each optionally serving one of one's goals. */
export function CommitmentEditorModal({ state, onClose }: { state: EditorState; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!state) return;
    setProblem(null);
    form.setFieldsValue({
      promises:
        state.mode === 'edit'
          ? state.commitment.promises.map((p) => ({ text: p.text, goalId: p.goalId }))
          : [{ text: '' }, { text: '' }, { text: '' }],
    });
  }, [state, form]);

  async function save(values: Values) {
    if (!state) return;
    setSaving(true);
    setProblem(null);
    const promises = values.promises
      .filter((p) => p.text.trim())
      .map((p) => ({ text: p.text.trim(), goalId: p.goalId ?? null }));
    try {
      if (state.mode === 'edit') {
        await api.put(`/api/commitments/${state.commitment.id}`, { promises });
      } else {
        const body: CreateCommitmentRequest = {
          year: state.year,
          ownerKind: state.ownerKind,
          ...(state.orgUnitId ? { orgUnitId: state.orgUnitId } : {}),
          promises,
        };
        await api.post('/api/commitments', body);
      }
      void message.success('已保存草稿，确认无误后请提交支部审核');
      await refreshCommitments();
      onClose();
    } catch (error) {
      applyFieldIssues(form, error);
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const goals = state?.goals ?? [];
  return (
    <Modal
      open={state !== null}
      title={state?.mode === 'edit' ? '修改承诺' : state ? `拟定${String(state.year)}年度公开承诺` : ''}
      okText="保存草稿"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={(v) => void save(v)}>
        <Form.List name="promises">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }} wrap>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={`承诺${String(i + 1)}`}
                    rules={[{ required: i === 0, whitespace: true, message: '请填写承诺内容' }]}
                    style={{ width: 340, marginBottom: 12 }}
                  >
                    <Input.TextArea autoSize maxLength={200} placeholder="具体、可检验的承诺" />
                  </Form.Item>
                  {goals.length > 0 && (
                    <Form.Item name={[field.name, 'goalId']} label="对应目标" style={{ width: 180, marginBottom: 12 }}>
                      <Select allowClear options={goals.map((g) => ({ value: g.id, label: g.title }))} />
                    </Form.Item>
                  )}
                  {fields.length > 1 && (
                    <MinusCircleOutlined
                      style={{ marginTop: 38 }}
                      onClick={() => remove(field.name)}
                      aria-label="删除此条"
                    />
                  )}
                </Space>
              ))}
              {fields.length < MAX_PROMISES && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  增加一条
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
