import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  COURT_TYPE_LABELS,
  COURT_TYPES,
  GOAL_LEVEL_LABELS,
  GOAL_PROGRESS_SOURCE_LABELS,
  GOAL_PROGRESS_SOURCE_UNITS,
  GOAL_PROGRESS_SOURCES,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  type AllowedGoalLevel,
  type CourtType,
  type CreateGoalRequest,
  type Goal,
  type GoalProgressSource,
  type IndicatorKind,
  type UpdateGoalRequest,
} from '@qizhi/domain';
import { dateValue, isoDate } from '../../platform/dates.ts';
import { FormModal } from '../../platform/form-modal.tsx';
import { goalsApi } from './goals.api.ts';
import styles from './goals.module.css';
import { useGoalSave, useTopGoals } from './goals.queries.ts';

export type GoalFormState = { mode: 'create'; year: number } | { mode: 'edit'; goal: Goal } | null;

interface Values {
  level: 'party_group' | 'branch';
  ownerId: string;
  title: string;
  description?: string;
  dimension: CourtType;
  indicatorKind: IndicatorKind;
  targetValue?: number;
  unit?: string;
  weight: number;
  deadline?: Dayjs | null;
  progressSource?: GoalProgressSource;
}

/** What the form's values ask of the server: a new top goal, or changes to one goal. */
async function saveGoal(state: GoalFormState, values: Values): Promise<unknown> {
  const common = {
    title: values.title.trim(),
    description: values.description?.trim() || null,
    dimension: values.dimension,
    indicatorKind: values.indicatorKind,
    ...(values.indicatorKind === 'milestone'
      ? {}
      : { targetValue: values.targetValue, unit: values.unit?.trim() ?? '' }),
    weight: values.weight,
    deadline: isoDate(values.deadline),
    progressSource: values.progressSource,
  };
  if (state?.mode === 'edit') return goalsApi.update(state.goal.id, common satisfies UpdateGoalRequest);
  if (!state) return undefined;
  const body: CreateGoalRequest = {
    ...common,
    year: state.year,
    level: values.level,
    owner: { kind: 'org_unit', id: values.ownerId },
    // A top goal answers for an organisation: it is reported, never counted from one person's records.
    progressSource: 'report',
  };
  return goalsApi.create(body);
}

/**
 * What the form shows first: the goal as it is, or a new goal's defaults for the year — at the first
 * level the person may set goals for, for their organisation when there is only one.
 */
function valuesOf(state: NonNullable<GoalFormState>, allowed: readonly AllowedGoalLevel[]): Partial<Values> {
  if (state.mode === 'create')
    return {
      level: allowed[0]?.level as Values['level'] | undefined,
      ownerId: allowed[0]?.owners.length === 1 ? allowed[0].owners[0]!.id : undefined,
      indicatorKind: 'count',
      weight: 10,
      deadline: dateValue(`${String(state.year)}-12-31`),
      progressSource: 'report',
    };
  const g = state.goal;
  return {
    title: g.title,
    description: g.description ?? undefined,
    dimension: g.dimension,
    indicatorKind: g.indicatorKind,
    targetValue: g.targetValue,
    unit: g.unit,
    weight: g.weight,
    deadline: dateValue(g.deadline),
    progressSource: g.progressSource,
  };
}

/** 制定目标 (a 党组 or branch goal at the top of a tree) or 修改目标 (any goal, by the level above). */
export function GoalFormModal({ state, onClose }: { state: GoalFormState; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const top = useTopGoals(state?.mode === 'create' ? state.year : 0, state?.mode === 'create');
  const allowed = top.data?.allowed ?? [];
  const submit = useGoalSave({
    save: (values: Values) => saveGoal(state, values),
    form,
    showError: 'alert',
    success: '已保存',
    onSaved: onClose,
  });
  const { clearProblem } = submit;
  const level = Form.useWatch('level', form);
  const kind = Form.useWatch('indicatorKind', form);

  const ready = state?.mode !== 'create' || top.data !== undefined;
  useEffect(() => {
    if (!state || !ready) return;
    clearProblem();
    form.resetFields();
    form.setFieldsValue(valuesOf(state, top.data?.allowed ?? []));
  }, [state, ready, top.data, form, clearProblem]);

  const owners = allowed.find((a) => a.level === level)?.owners ?? [];
  // A member's own number may be counted by the system (学时台账, 会议出勤); any other goal is reported.
  const countable = state?.mode === 'edit' && state.goal.ownerKind === 'person';
  return (
    <FormModal<Values>
      open={state !== null}
      title={
        state?.mode === 'edit' ? `修改目标：${state.goal.title}` : state ? `制定${String(state.year)}年度目标` : ''
      }
      form={form}
      saver={submit}
      onCancel={onClose}
      width={640}
      formProps={{ disabled: submit.saving }}
    >
      {state?.mode === 'create' && (
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="level" label="层级" rules={[{ required: true }]}>
              <Select
                options={allowed.map((a) => ({ value: a.level, label: GOAL_LEVEL_LABELS[a.level] }))}
                onChange={() => {
                  form.setFieldValue('ownerId', undefined);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="ownerId" label="责任主体" rules={[{ required: true, message: '请选择责任主体' }]}>
              <Select options={owners.map((u) => ({ value: u.id, label: u.name }))} loading={top.isPending} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        name="title"
        label="目标名称"
        rules={[{ required: true, whitespace: true, message: '请填写目标名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label="目标说明">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} sm={8}>
          <Form.Item name="dimension" label="六型法院维度" rules={[{ required: true, message: '请选择维度' }]}>
            <Select options={COURT_TYPES.map((t) => ({ value: t, label: COURT_TYPE_LABELS[t] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="indicatorKind" label="指标类型" rules={[{ required: true }]}>
            <Select options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="weight" label="权重" rules={[{ required: true, message: '请填写权重' }]}>
            <InputNumber min={0} step={1} precision={2} className={styles.fullWidth} />
          </Form.Item>
        </Col>
        {countable && (
          <Col xs={24}>
            <Form.Item
              name="progressSource"
              label="进度来源"
              extra={
                kind === 'count'
                  ? '学时台账、会议出勤由系统自动统计，党员无需填报'
                  : '只有“数量”类指标可以从学时台账或会议出勤自动统计'
              }
            >
              <Select
                options={GOAL_PROGRESS_SOURCES.map((s) => ({
                  value: s,
                  label: GOAL_PROGRESS_SOURCE_LABELS[s],
                  disabled: s !== 'report' && kind !== 'count',
                }))}
                onChange={(s: GoalProgressSource) => {
                  if (s !== 'report' && !form.getFieldValue('unit'))
                    form.setFieldValue('unit', GOAL_PROGRESS_SOURCE_UNITS[s]);
                }}
              />
            </Form.Item>
          </Col>
        )}
        {kind !== 'milestone' && (
          <>
            <Col xs={12} sm={8}>
              <Form.Item name="targetValue" label="目标值" rules={[{ required: true, message: '请填写目标值' }]}>
                <InputNumber min={0} className={styles.fullWidth} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="unit" label="计量单位">
                <Input maxLength={10} placeholder="次、学时、件、%" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={12} sm={8}>
          <Form.Item name="deadline" label="完成期限">
            <DatePicker className={styles.fullWidth} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
