import { Form, Input, Select } from 'antd';
import { ASSESSMENT_GRADE_LABELS, ASSESSMENT_GRADES, type AssessmentGrade, type AssessmentRow } from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { useSave } from '../../platform/use-save.ts';
import { percent } from '../goals/goal-labels.tsx';
import { assessmentsApi } from './assessments.api.ts';
import { assessmentsKey } from './assessments.queries.ts';

interface GradeValues {
  grade: AssessmentGrade;
  remarks?: string;
}

/** 评定: the assessor's grade and remarks for one member in one quarter (suggested from goal completion). */
export function GradeModal({
  period,
  row,
  onClose,
}: {
  period: string;
  row: AssessmentRow | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<GradeValues>();
  const saver = useSave({
    save: (values: GradeValues) =>
      assessmentsApi.save({
        period,
        personId: row?.personId ?? '',
        grade: values.grade,
        remarks: values.remarks ?? '',
      }),
    invalidates: [assessmentsKey],
    success: '已评定',
    onSaved: onClose,
  });

  return (
    <FormModal<GradeValues>
      open={row !== null}
      title={row ? `评定：${row.name}（目标完成度 ${percent(row.completion)}）` : ''}
      form={form}
      saver={saver}
      onCancel={onClose}
      initialValues={row ? { grade: row.grade ?? row.suggestedGrade ?? 'good', remarks: row.remarks ?? '' } : {}}
    >
      <Form.Item name="grade" label="考核等次" rules={[{ required: true }]}>
        <Select options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: ASSESSMENT_GRADE_LABELS[g] }))} />
      </Form.Item>
      <Form.Item name="remarks" label="评语">
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
