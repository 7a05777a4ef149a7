import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { PROMISE_RESULT_LABELS, PROMISE_RESULTS, type Commitment, type PromiseResult } from '@qizhi/domain';
import { api, errorMessage } from '../../platform/api.ts';
import { refreshCommitments } from './commitments-queries.ts';

export type ResultsState = { stage: 'self' | 'verify'; commitment: Commitment } | null;

interface Values {
  items: { result?: PromiseResult; note?: string }[];
}

/** 年终自评 by the owner, or 核实 by the branch: one result per promise. */
export function PromiseResultsModal({ state, onClose }: { state: ResultsState; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!state) return;
    setProblem(null);
    form.setFieldsValue({
      items: state.commitment.promises.map((p) => ({
        result: (state.stage === 'self' ? p.selfAssessment : (p.verifiedResult ?? p.selfAssessment)) ?? undefined,
        note: (state.stage === 'self' ? p.selfNote : p.verificationNote) ?? undefined,
      })),
    });
  }, [state, form]);

  async function save(values: Values) {
    if (!state) return;
    setSaving(true);
    try {
      const promises = state.commitment.promises.map((p, i) => {
        const item = values.items[i];
        const note = item?.note?.trim();
        return { id: p.id, result: item?.result ?? 'kept', ...(note ? { note } : {}) };
      });
      await api.post(
        `/api/commitments/${state.commitment.id}/${state.stage === 'self' ? 'self-assessment' : 'verify'}`,
        {
          promises,
        },
      );
      void message.success(state.stage === 'self' ? '已提交自评' : '已核实');
      await refreshCommitments();
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={state !== null}
      title={state?.stage === 'verify' ? `核实兑现情况：${state.commitment.ownerName}` : '年终自评兑现情况'}
      okText="提交"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        {state?.commitment.promises.map((p, i) => (
          <div key={p.id} style={{ marginBottom: 12 }}>
            <div style={{ fontWeight: 500, marginBottom: 4 }}>
              {i + 1}. {p.text}
            </div>
            {state.stage === 'verify' && p.selfAssessment && (
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                本人自评：{PROMISE_RESULT_LABELS[p.selfAssessment]}
                {p.selfNote ? `（${p.selfNote}）` : ''}
              </div>
            )}
            <Form.Item
              name={['items', i, 'result']}
              rules={[{ required: true, message: '请选择' }]}
              style={{ marginBottom: 4 }}
            >
              <Radio.Group options={PROMISE_RESULTS.map((r) => ({ value: r, label: PROMISE_RESULT_LABELS[r] }))} />
            </Form.Item>
            <Form.Item name={['items', i, 'note']} style={{ marginBottom: 0 }}>
              <Input placeholder="说明（可选）" maxLength={300} />
            </Form.Item>
          </div>
        ))}
      </Form>
    </Modal>
  );
}
