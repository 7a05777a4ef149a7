import { useEffect } from 'react';
import { Form, Input, Radio, Typography } from 'antd';
import { PROMISE_RESULT_LABELS, PROMISE_RESULTS, type Commitment, type PromiseResult } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { commitmentsApi } from './commitments.api.ts';
import styles from './commitments.module.css';
import { COMMITMENT_CHANGES } from './commitments.queries.ts';

export type ResultsState = { stage: 'self' | 'verify'; commitment: Commitment } | null;

interface Values {
  items: { result?: PromiseResult; note?: string }[];
}

/** One result per promise, as the server takes them (a promise left open counts as kept). */
function toResults(commitment: Commitment, values: Values) {
  return commitment.promises.map((p, i) => {
    const item = values.items[i];
    const note = item?.note?.trim();
    return { id: p.id, result: item?.result ?? 'kept', ...(note ? { note } : {}) };
  });
}

/** 年终自评 by the owner, or 核实 by the branch: one result per promise. */
export function PromiseResultsModal({ state, onClose }: { state: ResultsState; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const assess = useSave({
    invalidates: COMMITMENT_CHANGES,
    save: async (values: Values) => {
      if (!state) return;
      await commitmentsApi.assess(state.commitment.id, state.stage, {
        promises: toResults(state.commitment, values),
      });
    },
    showError: 'alert',
    success: state?.stage === 'self' ? '已提交自评' : '已核实',
    onSaved: onClose,
  });
  const { clearProblem } = assess;

  useEffect(() => {
    if (!state) return;
    clearProblem();
    form.setFieldsValue({
      items: state.commitment.promises.map((p) => ({
        result: (state.stage === 'self' ? p.selfAssessment : (p.verifiedResult ?? p.selfAssessment)) ?? undefined,
        note: (state.stage === 'self' ? p.selfNote : p.verificationNote) ?? undefined,
      })),
    });
  }, [state, form, clearProblem]);

  return (
    <FormModal<Values>
      open={state !== null}
      title={state?.stage === 'verify' ? `核实兑现情况：${state.commitment.ownerName}` : '年终自评兑现情况'}
      okText="提交"
      form={form}
      saver={assess}
      onCancel={onClose}
      width={640}
    >
      {state?.commitment.promises.map((p, i) => (
        <div key={p.id} className={styles.result}>
          <div className={styles.resultText}>
            {i + 1}. {p.text}
          </div>
          {state.stage === 'verify' && p.selfAssessment && (
            <Typography.Text type="secondary" className={styles.selfAssessment}>
              本人自评：{PROMISE_RESULT_LABELS[p.selfAssessment]}
              {p.selfNote ? `（${p.selfNote}）` : ''}
            </Typography.Text>
          )}
          <Form.Item
            name={['items', i, 'result']}
            rules={[{ required: true, message: '请选择' }]}
            className={styles.tight}
          >
            <Radio.Group options={PROMISE_RESULTS.map((r) => ({ value: r, label: PROMISE_RESULT_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name={['items', i, 'note']} className={styles.flush}>
            <Input placeholder="说明（可选）" maxLength={300} />
          </Form.Item>
        </div>
      ))}
    </FormModal>
  );
}
