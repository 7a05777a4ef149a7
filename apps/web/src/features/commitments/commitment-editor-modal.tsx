import { useEffect } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { MAX_PROMISES, type Commitment } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { commitmentsApi } from './commitments.api.ts';
import styles from './commitments.module.css';
import { COMMITMENT_CHANGES } from './commitments.queries.ts';

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

/** What the form asks of the server: a new draft, or new promises for an existing one. */
function saveCommitment(state: NonNullable<EditorState>, values: Values): Promise<Commitment> {
  const promises = values.promises
    .filter((p) => p.text.trim())
    .map((p) => ({ text: p.text.trim(), goalId: p.goalId ?? null }));
  if (state.mode === 'edit') return commitmentsApi.update(state.commitment.id, { promises });
  return commitmentsApi.create({
    year: state.year,
    ownerKind: state.ownerKind,
    ...(state.orgUnitId ? { orgUnitId: state.orgUnitId } : {}),
    promises,
  });
}

/** Drafting or changing a commitment: a few concrete promises, each optionally serving one of one's goals. */
export function CommitmentEditorModal({ state, onClose }: { state: EditorState; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const draft = useSave({
    invalidates: COMMITMENT_CHANGES,
    save: (values: Values) => (state ? saveCommitment(state, values) : Promise.resolve(undefined)),
    form,
    showError: 'alert',
    success: '已保存草稿，确认无误后请提交支部审核',
    onSaved: onClose,
  });
  const { clearProblem } = draft;

  useEffect(() => {
    if (!state) return;
    clearProblem();
    form.setFieldsValue({
      promises:
        state.mode === 'edit'
          ? state.commitment.promises.map((p) => ({ text: p.text, goalId: p.goalId }))
          : [{ text: '' }, { text: '' }, { text: '' }],
    });
  }, [state, form, clearProblem]);

  const goals = state?.goals ?? [];
  return (
    <FormModal<Values>
      open={state !== null}
      title={state?.mode === 'edit' ? '修改承诺' : state ? `拟定${String(state.year)}年度公开承诺` : ''}
      okText="保存草稿"
      form={form}
      saver={draft}
      onCancel={onClose}
      width={640}
      formProps={{ disabled: draft.saving }}
    >
      <Form.List name="promises">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} align="start" gap="small" wrap>
                <Form.Item
                  name={[field.name, 'text']}
                  label={`承诺${String(i + 1)}`}
                  rules={[{ required: i === 0, whitespace: true, message: '请填写承诺内容' }]}
                  className={styles.promiseText}
                >
                  <Input.TextArea autoSize maxLength={200} placeholder="具体、可检验的承诺" />
                </Form.Item>
                {goals.length > 0 && (
                  <Form.Item name={[field.name, 'goalId']} label="对应目标" className={styles.promiseGoal}>
                    <Select allowClear options={goals.map((g) => ({ value: g.id, label: g.title }))} />
                  </Form.Item>
                )}
                {fields.length > 1 && (
                  <MinusCircleOutlined
                    className={styles.removePromise}
                    onClick={() => remove(field.name)}
                    aria-label="删除此条"
                  />
                )}
              </Flex>
            ))}
            {fields.length < MAX_PROMISES && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                增加一条
              </Button>
            )}
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
